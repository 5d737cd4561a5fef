<div>
    {{-- vigil-expect: xss --}}
    <p>{!! $post->body !!}</p>
    {{-- vigil-ok: xss --}}
    <p>{{ $post->title }}</p>
    {{-- vigil-ok: xss --}}
    {!! csrf_field() !!}
</div>
