import sanitizeHtml from 'sanitize-html';

export function Bio(props: { bio: string; name: string }) {
  // vigil-expect: xss
  const header = <h1 dangerouslySetInnerHTML={{ __html: `<b>${props.name}</b>` }} />;
  // vigil-ok: xss
  const body = <div dangerouslySetInnerHTML={{ __html: sanitizeHtml(props.bio) }} />;
  return <section>{header}{body}</section>;
}
