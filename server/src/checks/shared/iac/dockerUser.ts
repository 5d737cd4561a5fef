// Who the container of a Dockerfile runs as, read from the final stage and what it is built on. Three answers
// beyond "the final stage says USER x": a parent stage of the same file set USER (inherited, so not root); the
// entrypoint starts as root only to drop to another user (gosu, su-exec, setpriv ...), the pattern of most
// official images' docker-entrypoint.sh; or the base image is published to run as a non-root user.

export interface StageInstruction {
  keyword: string;
  args: string;
}

/** Tools whose job is to run a command as another user; root is needed only to call them. */
const PRIVILEGE_DROPPERS = /(?:^|[\s"'[,/])(gosu|su-exec|setpriv|chpst|runuser|s6-setuidgid|setuidgid|tini\s+-u|dumb-init\s+--\s+gosu)(?=[\s"',\]]|$)/;

/** Base images published to run as a non-root user by default. */
const NON_ROOT_IMAGES: readonly RegExp[] = [
  /:(?:[\w.-]*-)?nonroot(?:-[\w.-]+)?$/i, // gcr.io/distroless/static:nonroot, :debug-nonroot
  /(?:^|\/)chainguard\//i, // cgr.dev/chainguard/*: non-root unless a -dev variant
  /(?:^|\/)bitnami\//i, // bitnami images run as uid 1001
  /-unprivileged(?::|$)/i, // nginxinc/nginx-unprivileged
  /(?:^|[/:-])rootless(?:[:-]|$)/i,
];

export type UserVerdict =
  /** The container runs as a non-root user; nothing to report. */
  | { kind: 'nonRoot' }
  /** Root, as far as the file shows. */
  | { kind: 'root' }
  /** Root at start, but the file shows it is dropped or the base image runs non-root: worth a note, not a warning. */
  | { kind: 'likelyDropped'; how: string };

function lastUser(stage: readonly StageInstruction[]): string | undefined {
  for (let i = stage.length - 1; i >= 0; i--) if (stage[i]!.keyword === 'USER') return stage[i]!.args.trim();
  return undefined;
}

const isRoot = (user: string): boolean => {
  const name = user.split(':')[0]!;
  return name === 'root' || name === '0';
};

/**
 * The verdict for a stage without its own USER. `parentOf` names the stage a FROM refers to (an alias of an
 * earlier stage) or undefined for an image; the walk stops at images and at a cycle.
 */
export function inheritedUser(stage: readonly StageInstruction[], image: string, parentOf: (image: string) => readonly StageInstruction[] | undefined): UserVerdict {
  const seen = new Set<readonly StageInstruction[]>();
  let cur: readonly StageInstruction[] | undefined = parentOf(image);
  let base = image;
  while (cur && !seen.has(cur)) {
    seen.add(cur);
    const user = lastUser(cur);
    if (user !== undefined) return isRoot(user) ? { kind: 'root' } : { kind: 'nonRoot' };
    base = fromImage(cur[0]!);
    cur = parentOf(base);
  }
  // ENTRYPOINT, CMD and installed tools are inherited from parent stages as well.
  const dropper = stageDropper([...stage, ...[...seen].flat()]);
  if (dropper) return { kind: 'likelyDropped', how: `the entrypoint drops privileges with ${dropper}` };
  if (NON_ROOT_IMAGES.some((re) => re.test(base))) return { kind: 'likelyDropped', how: `base image ${base} runs as a non-root user` };
  return { kind: 'root' };
}

/** The image (or stage alias) a FROM instruction names. */
export function fromImage(from: StageInstruction): string {
  const parts = from.args.trim().split(/\s+/).filter((p) => !p.startsWith('--'));
  return parts[0] ?? '';
}

/** A privilege-dropping tool the stage's ENTRYPOINT or CMD calls, or installs or copies in for its entrypoint script. */
function stageDropper(stage: readonly StageInstruction[]): string | undefined {
  const hasEntrypoint = stage.some((i) => i.keyword === 'ENTRYPOINT');
  for (const i of stage) {
    const runs = i.keyword === 'ENTRYPOINT' || i.keyword === 'CMD';
    // An entrypoint script the file cannot show (docker-entrypoint.sh) uses the tool the stage installs for it.
    const provides = hasEntrypoint && (i.keyword === 'RUN' || i.keyword === 'COPY' || i.keyword === 'ADD');
    if (!runs && !provides) continue;
    const m = PRIVILEGE_DROPPERS.exec(i.args);
    if (m) return m[1]!.split(/\s/)[0];
  }
  return undefined;
}
