import { opt, type FilterHelper, type FixHelper, type HelperOptions, type ProducerHelper } from '../types';
import { K8S_CHECKS, k8sManifest } from './k8s';
import { DOCKER_CHECKS, dockerfile } from './docker';
import { TERRAFORM_CHECKS, terraform } from './terraform';

// Infrastructure-as-code producers: Kubernetes YAML, Terraform and Dockerfiles have no tree-sitter grammar
// in the package we ship, so their checks read the files with purpose-built parsers and return spans.

export const filters: Record<string, FilterHelper> = {};
export const fixes: Record<string, FixHelper> = {
  /** Public ACL to "private"; a disabled public-access-block flag to true. */
  iacPrivateValue: (ctx) => {
    const v = ctx.captures.get('value')?.[0];
    if (!v) return undefined;
    return [{ start: v.start, end: v.end, text: v.text === 'false' ? 'true' : '"private"' }];
  },
};
export const producers: Record<string, ProducerHelper> = { k8sManifest, dockerfile, terraform };

/** The options each helper above accepts (checked when a rule file loads): a producer runs one named check. */
export const options: Record<string, HelperOptions> = {
  iacPrivateValue: {},
  k8sManifest: { check: opt.oneOf(K8S_CHECKS) },
  dockerfile: { check: opt.oneOf(DOCKER_CHECKS) },
  terraform: { check: opt.oneOf(TERRAFORM_CHECKS) },
};
