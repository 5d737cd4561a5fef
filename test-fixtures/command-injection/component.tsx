import { execSync } from 'child_process';

export function BuildInfo(props: { commit: string }) {
  // vigil-expect: command-injection
  const log = execSync(`git show --stat ${props.commit}`).toString();
  // vigil-ok: command-injection
  const head = execSync('git rev-parse HEAD').toString();
  return <pre title={head}>{log}</pre>;
}
