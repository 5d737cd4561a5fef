import type { ProducedMatch, ProducerHelper } from '../types';
import { optString } from '../types';
import { attr, literal, parseHcl, type HclAttribute, type HclBlock } from './hcl';

// Terraform checks over resource and provider blocks (AWS resources; the common findings of IaC policy packs).

const PUBLIC_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read']);
const SENSITIVE_PORTS: Record<number, string> = {
  21: 'FTP', 22: 'SSH', 23: 'Telnet', 445: 'SMB', 1433: 'SQL Server', 1521: 'Oracle', 2375: 'Docker API', 3306: 'MySQL',
  3389: 'RDP', 5432: 'PostgreSQL', 5900: 'VNC', 5984: 'CouchDB', 6379: 'Redis', 9200: 'Elasticsearch', 11211: 'Memcached', 27017: 'MongoDB',
};

function attrMatch(a: HclAttribute, vars: Record<string, string>): ProducedMatch {
  return { start: a.nameStart, end: a.valueEnd, captures: { value: { start: a.valueStart, end: a.valueEnd } }, vars };
}

function headerMatch(b: HclBlock, text: string, vars: Record<string, string>): ProducedMatch {
  const brace = text.indexOf('{', b.start);
  let end = brace < 0 ? b.end : brace;
  while (end > b.start && /\s/.test(text[end - 1]!)) end--;
  return { start: b.start, end, vars: { name: b.labels.join('.'), ...vars } };
}

function resources(blocks: HclBlock[], type: string): HclBlock[] {
  return blocks.filter((b) => b.type === 'resource' && b.labels[0] === type);
}

function isFalse(a: HclAttribute | undefined): boolean {
  return a?.value === 'false';
}

function portsOpen(b: HclBlock): string | undefined {
  const from = Number(attr(b, 'from_port')?.value ?? NaN);
  const to = Number(attr(b, 'to_port')?.value ?? NaN);
  const protocol = literal(attr(b, 'protocol')) ?? attr(b, 'ip_protocol')?.value.replace(/"/g, '');
  if (protocol === '-1' || protocol === 'all') return 'all ports';
  if (Number.isNaN(from) || Number.isNaN(to)) return undefined;
  if (from === 0 && to >= 65535) return 'all ports';
  const hit = Object.keys(SENSITIVE_PORTS).map(Number).find((p) => p >= from && p <= to);
  return hit === undefined ? undefined : `port ${hit} (${SENSITIVE_PORTS[hit]})`;
}

const WORLD = /"(0\.0\.0\.0\/0|::\/0)"/;

type Check = (blocks: HclBlock[], text: string, out: ProducedMatch[]) => void;

const CHECKS: Record<string, Check> = {
  publicBucket: (blocks, _text, out) => {
    for (const b of [...resources(blocks, 'aws_s3_bucket'), ...resources(blocks, 'aws_s3_bucket_acl')]) {
      const acl = attr(b, 'acl');
      const v = literal(acl);
      if (acl && v && PUBLIC_ACLS.has(v)) out.push(attrMatch(acl, { setting: `acl = "${v}"` }));
    }
    for (const b of resources(blocks, 'aws_s3_bucket_public_access_block')) {
      for (const name of ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets']) {
        const a = attr(b, name);
        if (isFalse(a)) out.push(attrMatch(a!, { setting: `${name} = false` }));
      }
    }
  },
  unencryptedStorage: (blocks, text, out) => {
    const encryptedBuckets = new Set(
      resources(blocks, 'aws_s3_bucket_server_side_encryption_configuration')
        .map((b) => /aws_s3_bucket\.([\w-]+)/.exec(attr(b, 'bucket')?.value ?? '')?.[1])
        .filter((x): x is string => !!x),
    );
    for (const b of resources(blocks, 'aws_s3_bucket')) {
      const inline = b.blocks.some((x) => x.type === 'server_side_encryption_configuration');
      if (!inline && !encryptedBuckets.has(b.labels[1] ?? '')) {
        out.push(headerMatch(b, text, { what: 'S3 bucket without server-side encryption configuration' }));
      }
    }
    const flags: [string, string][] = [
      ['aws_ebs_volume', 'encrypted'],
      ['aws_db_instance', 'storage_encrypted'],
      ['aws_rds_cluster', 'storage_encrypted'],
      ['aws_efs_file_system', 'encrypted'],
      ['aws_redshift_cluster', 'encrypted'],
    ];
    for (const [type, flag] of flags) {
      for (const b of resources(blocks, type)) {
        const a = attr(b, flag);
        if (isFalse(a)) out.push(attrMatch(a!, { what: `${type} with ${flag} = false` }));
        else if (!a) out.push(headerMatch(b, text, { what: `${type} without ${flag} = true` }));
      }
    }
  },
  openIngress: (blocks, _text, out) => {
    const rules: HclBlock[] = [];
    for (const sg of resources(blocks, 'aws_security_group')) rules.push(...sg.blocks.filter((x) => x.type === 'ingress'));
    rules.push(...resources(blocks, 'aws_security_group_rule').filter((b) => literal(attr(b, 'type')) === 'ingress'));
    rules.push(...resources(blocks, 'aws_vpc_security_group_ingress_rule'));
    for (const r of rules) {
      const ports = portsOpen(r);
      if (!ports) continue;
      for (const name of ['cidr_blocks', 'ipv6_cidr_blocks', 'cidr_ipv4', 'cidr_ipv6']) {
        const a = attr(r, name);
        const m = a ? WORLD.exec(a.value) : null;
        if (a && m) out.push(attrMatch(a, { ports, cidr: m[1]! }));
      }
    }
  },
  providerCredentials: (blocks, _text, out) => {
    const keys: Record<string, string[]> = {
      aws: ['access_key', 'secret_key', 'token'],
      azurerm: ['client_secret', 'client_certificate_password'],
      google: ['credentials', 'access_token'],
      github: ['token'],
      digitalocean: ['token'],
      cloudflare: ['api_token', 'api_key'],
    };
    for (const p of blocks.filter((b) => b.type === 'provider')) {
      for (const key of keys[p.labels[0] ?? ''] ?? []) {
        const a = attr(p, key);
        const v = literal(a);
        if (a && v && v.length >= 8) out.push(attrMatch(a, { provider: p.labels[0]!, key }));
      }
    }
  },
};

/** The checks a rule can name in `options.check`. */
export const TERRAFORM_CHECKS = Object.keys(CHECKS);

export const terraform: ProducerHelper = (doc, options) => {
  const check = CHECKS[optString(options, 'check') ?? ''];
  if (!check) throw new Error(`terraform: unknown check '${String(options['check'])}'`);
  const out: ProducedMatch[] = [];
  check(parseHcl(doc.text), doc.text, out);
  return out;
};
