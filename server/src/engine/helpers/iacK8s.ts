import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { ProducedMatch, ProducerHelper } from './types';
import { optString } from './types';
import { isPlaceholderValue, isSecretName } from './iacNames';

// Kubernetes manifests: every workload kind's pod spec, every container and init container.
// Parsed with positions by the `yaml` library, one finding per offending key, or per container for a missing key.

const WORKLOADS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob']);

interface Container {
  map: YAMLMap;
  namePair?: Pair;
}

function pairOf(map: YAMLMap | undefined, key: string): Pair | undefined {
  return map?.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

function mapAt(map: YAMLMap | undefined, key: string): YAMLMap | undefined {
  const v = pairOf(map, key)?.value;
  return isMap(v) ? (v as YAMLMap) : undefined;
}

function podSpecOf(doc: Document): YAMLMap | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const kind = (root as YAMLMap).get('kind');
  if (typeof kind !== 'string' || !WORKLOADS.has(kind)) return undefined;
  const spec = mapAt(root as YAMLMap, 'spec');
  if (kind === 'Pod') return spec;
  if (kind === 'CronJob') return mapAt(mapAt(mapAt(mapAt(spec, 'jobTemplate'), 'spec'), 'template'), 'spec');
  return mapAt(mapAt(spec, 'template'), 'spec');
}

function containersOf(pod: YAMLMap): Container[] {
  const out: Container[] = [];
  for (const key of ['initContainers', 'containers']) {
    const seq = pairOf(pod, key)?.value;
    if (!isSeq(seq)) continue;
    for (const item of seq.items) {
      if (!isMap(item)) continue;
      const c: Container = { map: item as YAMLMap };
      const np = pairOf(item as YAMLMap, 'name');
      if (np) c.namePair = np;
      out.push(c);
    }
  }
  return out;
}

function span(node: YamlNode | null | undefined | unknown): { start: number; end: number } | undefined {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

/** A finding on a key/value pair: the whole pair is the finding, `value` is its value for one-token fixes. */
function pairMatch(p: Pair, vars: Record<string, string>, valueCapture = 'value'): ProducedMatch | undefined {
  const k = span(p.key);
  const v = span(p.value);
  if (!k || !v) return undefined;
  return { start: k.start, end: v.end, captures: { key: k, [valueCapture]: v }, vars };
}

function containerAnchor(c: Container): ProducedMatch | undefined {
  const s = c.namePair ? span(c.namePair.key) : span(c.map);
  const e = c.namePair ? span(c.namePair.value) : undefined;
  if (!s) return undefined;
  const name = c.namePair && isScalar(c.namePair.value) ? String(c.namePair.value.value) : 'container';
  return { start: s.start, end: e?.end ?? s.start + 1, vars: { container: name } };
}

function isTrue(p: Pair | undefined): boolean {
  return !!p && isScalar(p.value) && p.value.value === true;
}

type Check = (pod: YAMLMap, containers: Container[], out: ProducedMatch[]) => void;

const CHECKS: Record<string, Check> = {
  privileged: (_pod, containers, out) => {
    for (const c of containers) {
      const sc = mapAt(c.map, 'securityContext');
      for (const key of ['privileged', 'allowPrivilegeEscalation']) {
        const p = pairOf(sc, key);
        if (isTrue(p)) {
          const m = pairMatch(p!, { setting: key });
          if (m) out.push(m);
        }
      }
    }
  },
  hostNamespace: (pod, _containers, out) => {
    for (const key of ['hostNetwork', 'hostPID', 'hostIPC']) {
      const p = pairOf(pod, key);
      if (isTrue(p)) {
        const m = pairMatch(p!, { setting: key });
        if (m) out.push(m);
      }
    }
  },
  runAsNonRoot: (pod, containers, out) => {
    const podSc = mapAt(pod, 'securityContext');
    const podNonRoot = isTrue(pairOf(podSc, 'runAsNonRoot'));
    const podUser = pairOf(podSc, 'runAsUser');
    if (podUser && isScalar(podUser.value) && podUser.value.value === 0) {
      const m = pairMatch(podUser, { setting: 'runAsUser: 0' }, 'uid');
      if (m) out.push(m);
    }
    for (const c of containers) {
      const sc = mapAt(c.map, 'securityContext');
      const own = pairOf(sc, 'runAsNonRoot');
      const user = pairOf(sc, 'runAsUser');
      if (user && isScalar(user.value) && user.value.value === 0) {
        // No one-token fix: the right non-root uid depends on the image.
        const m = pairMatch(user, { setting: 'runAsUser: 0' }, 'uid');
        if (m) out.push(m);
        continue;
      }
      if (own && isScalar(own.value) && own.value.value === false) {
        const m = pairMatch(own, { setting: 'runAsNonRoot: false' });
        if (m) out.push(m);
        continue;
      }
      if (!isTrue(own) && !podNonRoot) {
        const m = containerAnchor(c);
        if (m) out.push({ ...m, vars: { ...m.vars, setting: 'no runAsNonRoot: true' } });
      }
    }
  },
  limits: (_pod, containers, out) => {
    for (const c of containers) {
      const limits = mapAt(mapAt(c.map, 'resources'), 'limits');
      const missing = ['memory', 'cpu'].filter((k) => !pairOf(limits, k));
      if (missing.length === 0) continue;
      const m = containerAnchor(c);
      if (m) out.push({ ...m, vars: { ...m.vars, missing: missing.join(' and ') } });
    }
  },
  imageTag: (_pod, containers, out) => {
    for (const c of containers) {
      const p = pairOf(c.map, 'image');
      if (!p || !isScalar(p.value) || typeof p.value.value !== 'string') continue;
      const tag = mutableTag(p.value.value);
      if (tag) {
        const m = pairMatch(p, { image: p.value.value, tag });
        if (m) out.push(m);
      }
    }
  },
  envSecret: (_pod, containers, out) => {
    for (const c of containers) {
      const env = pairOf(c.map, 'env')?.value;
      if (!isSeq(env)) continue;
      for (const item of env.items) {
        if (!isMap(item)) continue;
        const name = (item as YAMLMap).get('name');
        const vp = pairOf(item as YAMLMap, 'value');
        if (typeof name !== 'string' || !vp || !isScalar(vp.value)) continue;
        const value = String(vp.value.value ?? '');
        if (isSecretName(name) && !isPlaceholderValue(value)) {
          const v = span(vp.value);
          if (v) out.push({ start: v.start, end: v.end, vars: { name } });
        }
      }
    }
  },
};

/** `latest`, or `untagged` when an image reference has neither tag nor digest; undefined when pinned. */
export function mutableTag(image: string): string | undefined {
  const ref = image.trim();
  if (ref.includes('@sha256:') || ref.includes('${') || ref.includes('{{') || ref.startsWith('$')) return undefined;
  const last = ref.split('/').pop() ?? ref;
  const colon = last.lastIndexOf(':');
  if (colon < 0) return 'untagged';
  return last.slice(colon + 1) === 'latest' ? 'latest' : undefined;
}

export const k8sManifest: ProducerHelper = (doc, options) => {
  const check = CHECKS[optString(options, 'check') ?? ''];
  if (!check) throw new Error(`k8sManifest: unknown check '${String(options['check'])}'`);
  const out: ProducedMatch[] = [];
  // Helm templates and other non-YAML text produce parse errors: those documents are skipped, not reported.
  for (const d of parseAllDocuments(doc.text)) {
    if (!('errors' in d) || d.errors.length > 0) continue;
    const pod = podSpecOf(d as Document);
    if (pod) check(pod, containersOf(pod), out);
  }
  return out;
};
