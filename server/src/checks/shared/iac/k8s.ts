import { isMap, isScalar, isSeq, parseAllDocuments, YAMLMap, type Document, type Node as YamlNode, type Pair } from 'yaml';
import type { ProducedMatch, ProducerHelper } from '../types';
import { optString } from '../types';
import { isPlaceholderValue, isSecretName } from './names';
import { blankTemplateActions, overlapsAction, type Span } from './templateActions';

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

/** Every pair with this key: in a Helm template, both branches of an `if`/`else` can hold the same key. */
function pairsOf(map: YAMLMap | undefined, key: string): Pair[] {
  return (map?.items.filter((p) => isScalar(p.key) && p.key.value === key) ?? []) as Pair[];
}

function mapAt(map: YAMLMap | undefined, key: string): YAMLMap | undefined {
  const maps = pairsOf(map, key)
    .map((p) => p.value)
    .filter((v): v is YAMLMap => isMap(v));
  if (maps.length <= 1) return maps[0];
  // Template branches that each set the same map: one map holding every branch's pairs (the nodes keep their
  // offsets), so a check sees what any rendering could contain.
  const merged = new YAMLMap();
  merged.items = maps.flatMap((m) => m.items);
  merged.range = maps[0]!.range;
  return merged;
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

/**
 * What a check may assume about the text around a span. In a Helm template, a value that touches a template
 * action is unknown until rendered, and a key that is absent may be rendered by an action in the pod spec
 * (`{{- toYaml .Values.resources | nindent 12 }}`), so checks for a missing key stay silent there.
 */
interface Template {
  /** The span touches a template action. */
  templated(start: number, end: number): boolean;
  /** The pod spec, or what follows it in its document, contains a template action. */
  podTemplated: boolean;
}

type Check = (pod: YAMLMap, containers: Container[], out: ProducedMatch[], t: Template) => void;

function valueTemplated(p: Pair, t: Template): boolean {
  const v = span(p.value);
  return v !== undefined && t.templated(v.start, v.end);
}

const CHECKS: Record<string, Check> = {
  privileged: (_pod, containers, out) => {
    for (const c of containers) {
      const sc = mapAt(c.map, 'securityContext');
      for (const key of ['privileged', 'allowPrivilegeEscalation']) {
        for (const p of pairsOf(sc, key)) {
          if (!isTrue(p)) continue;
          const m = pairMatch(p, { setting: key });
          if (m) out.push(m);
        }
      }
    }
  },
  hostNamespace: (pod, _containers, out) => {
    for (const key of ['hostNetwork', 'hostPID', 'hostIPC']) {
      for (const p of pairsOf(pod, key)) {
        if (!isTrue(p)) continue;
        const m = pairMatch(p, { setting: key });
        if (m) out.push(m);
      }
    }
  },
  runAsNonRoot: (pod, containers, out, t) => {
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
      if (!isTrue(own) && !podNonRoot && !t.podTemplated) {
        const m = containerAnchor(c);
        if (m) out.push({ ...m, vars: { ...m.vars, setting: 'no runAsNonRoot: true' } });
      }
    }
  },
  limits: (_pod, containers, out, t) => {
    if (t.podTemplated) return;
    for (const c of containers) {
      const limits = mapAt(mapAt(c.map, 'resources'), 'limits');
      const missing = ['memory', 'cpu'].filter((k) => !pairOf(limits, k));
      if (missing.length === 0) continue;
      const m = containerAnchor(c);
      if (m) out.push({ ...m, vars: { ...m.vars, missing: missing.join(' and ') } });
    }
  },
  imageTag: (_pod, containers, out, t) => {
    for (const c of containers) {
      for (const p of pairsOf(c.map, 'image')) {
        if (!isScalar(p.value) || typeof p.value.value !== 'string' || valueTemplated(p, t)) continue;
        const tag = mutableTag(p.value.value);
        if (tag) {
          const m = pairMatch(p, { image: p.value.value, tag });
          if (m) out.push(m);
        }
      }
    }
  },
  envSecret: (_pod, containers, out, t) => {
    for (const c of containers) {
      const env = pairOf(c.map, 'env')?.value;
      if (!isSeq(env)) continue;
      for (const item of env.items) {
        if (!isMap(item)) continue;
        const name = (item as YAMLMap).get('name');
        const vp = pairOf(item as YAMLMap, 'value');
        if (typeof name !== 'string' || !vp || !isScalar(vp.value) || valueTemplated(vp, t)) continue;
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

/** The YAML documents of a manifest, parsed once for all the rules that read it (the last text is kept). */
interface Manifest {
  text: string;
  /** Documents that parsed, with the end offset of each. */
  docs: { doc: Document; end: number }[];
  /** Start offsets of documents that still do not parse (after template actions were blanked). */
  unreadable: number[];
  actions: Span[];
}

let last: Manifest | undefined;

export function readManifest(text: string): Manifest {
  if (last?.text === text) return last;
  const blanked = blankTemplateActions(text);
  // if/else branches of a template both stay in the text, so a key may appear twice (see pairsOf and mapAt).
  const parsed = parseAllDocuments(blanked?.text ?? text, blanked ? { uniqueKeys: false } : {});
  const m: Manifest = { text, docs: [], unreadable: [], actions: blanked?.actions ?? [] };
  const all = Array.isArray(parsed) ? parsed : [parsed];
  all.forEach((d, i) => {
    const start = d.range?.[0] ?? 0;
    // A document's own range stops before trailing blank lines, where a blanked action may sit: it ends where the
    // next one starts.
    const end = all[i + 1]?.range?.[0] ?? text.length;
    if (!('errors' in d) || d.errors.length > 0) m.unreadable.push(start);
    else m.docs.push({ doc: d as Document, end });
  });
  last = m;
  return m;
}

/** The checks a rule can name in `options.check`. */
export const K8S_CHECKS = Object.keys(CHECKS);

export const k8sManifest: ProducerHelper = (doc, options) => {
  const check = CHECKS[optString(options, 'check') ?? ''];
  if (!check) throw new Error(`k8sManifest: unknown check '${String(options['check'])}'`);
  const out: ProducedMatch[] = [];
  // Helm templates are read with their actions blanked; a document that is still not YAML is skipped here, and
  // the engine notes it (see unreadableTemplateNote).
  const m = readManifest(doc.text);
  for (const { doc: d, end } of m.docs) {
    const pod = podSpecOf(d);
    if (!pod) continue;
    const podStart = span(pod)?.start ?? 0;
    const templated = (s: number, e: number): boolean => overlapsAction(m.actions, s, e);
    check(pod, containersOf(pod), out, { templated, podTemplated: m.actions.length > 0 && templated(podStart, end) });
  }
  return out;
};

/**
 * Where a YAML file with template actions still has a document that is not YAML once they are blanked (an action
 * that writes keys and values on one line, say): the Kubernetes checks cannot read that document, and the user
 * is told so rather than shown nothing. Undefined for files without actions or when every document was read.
 */
export function unreadableTemplate(text: string): { offset: number; count: number } | undefined {
  if (!text.includes('{{')) return undefined;
  const m = readManifest(text);
  if (m.actions.length === 0 || m.unreadable.length === 0) return undefined;
  return { offset: m.unreadable[0]!, count: m.unreadable.length };
}
