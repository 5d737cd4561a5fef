import { DocumentSession, type Engine } from '../engine';

// One incremental engine session per open document, so a keystroke re-analyses only the function it touched.
// A session belongs to one engine: when settings or custom rules give the document another engine, it starts over.
const sessions = new Map<string, { engine: Engine; session: DocumentSession }>();

export function documentSession(uri: string, engine: Engine): DocumentSession {
  const known = sessions.get(uri);
  if (known && known.engine === engine) return known.session;
  known?.session.dispose();
  const session = new DocumentSession(engine);
  sessions.set(uri, { engine, session });
  return session;
}

/** Frees the document's tree (WASM memory) when the editor closes it. */
export function closeDocumentSession(uri: string): void {
  sessions.get(uri)?.session.dispose();
  sessions.delete(uri);
}
