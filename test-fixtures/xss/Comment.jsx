import DOMPurify from 'dompurify';

export function Comment({ comment }) {
  return (
    <div>
      {/* vigil-expect: xss */}
      <div dangerouslySetInnerHTML={{ __html: comment.body }} />
      {/* vigil-ok: xss */}
      <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(comment.body) }} />
      {/* vigil-ok: xss */}
      <div dangerouslySetInnerHTML={{ __html: '<hr/>' }} />
      {/* vigil-ok: xss */}
      <p>{comment.body}</p>
    </div>
  );
}
