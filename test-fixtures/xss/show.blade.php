<div>
    {{-- vigil-expect: xss --}}
    <p>{!! $post->body !!}</p>
    {{-- vigil-ok: xss --}}
    <p>{{ $post->title }}</p>
    {{-- vigil-ok: xss --}}
    {!! csrf_field() !!}
</div>
<nav>
    {{-- vigil-ok: xss --}}
    <span>{!! __('pagination.next') !!}</span>
    {{-- vigil-ok: xss --}}
    <div>{!! $slot !!}</div>
    {{-- vigil-expect: xss --}}
    <div>{!! $comment->html !!}</div>
</nav>
