// Documents stay true to the repository: their links lead to files that exist; every metric the Grafana dashboard
// and the Prometheus alert rules query is one a Warden process exports; every alert has its runbook section.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { parse } from 'yaml';

const repoRoot = path.resolve(__dirname, '..');
const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(full);
    return name.endsWith('.ts') && !name.includes('.spec.') ? [full] : [];
  });
}

/** Metric names as Prometheus sees them: what the code registers, prom-client's defaults, and histogram series. */
function exportedMetricNames(): Set<string> {
  const names = new Set<string>(['up']);
  for (const root of ['services', 'libs']) {
    for (const file of sourceFiles(path.join(repoRoot, root))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/name:\s*'(warden_[a-z_]+)'/g)) names.add(match[1]!);
    }
  }
  const defaults = new Registry();
  collectDefaultMetrics({ register: defaults });
  for (const metric of defaults.getMetricsAsArray()) names.add(metric.name);
  for (const name of [...names]) for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${name}${suffix}`);
  return names;
}

/** The metric names a PromQL expression selects (identifiers followed by a selector, a range or nothing). */
function metricsIn(expression: string): string[] {
  const withoutStrings = expression.replace(/"[^"]*"/g, '""').replace(/\[[^\]]*\]/g, '[]');
  const functionsAndKeywords = new Set([
    'sum',
    'max',
    'min',
    'avg',
    'rate',
    'increase',
    'by',
    'without',
    'histogram_quantile',
    'clamp_min',
    'le',
    'on',
    'ignoring',
  ]);
  return [...withoutStrings.matchAll(/\b([a-z_][a-z0-9_]*)\b(?!\s*\()/g)]
    .map((match) => match[1]!)
    .filter((name) => !functionsAndKeywords.has(name) && /_/.test(name) && !['endpoint_state', 'rate_interval'].includes(name));
}

describe('the documents in docs/ point at files that exist', () => {
  it.each(readdirSync(path.join(repoRoot, 'docs')).filter((name) => name.endsWith('.md')))('%s', (name) => {
    const text = read(`docs/${name}`);
    const targets = [...text.matchAll(/\]\((?!https?:|#)([^)\s]+)\)|^\[[^\]]+\]: (?!https?:)(\S+)$/gm)].map(
      (match) => (match[1] ?? match[2])!.split('#')[0]!,
    );
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((target) => !existsSync(path.join(repoRoot, 'docs', target)))).toEqual([]);
  });
});

describe('operations companions (docs/operations.md)', () => {
  const exported = exportedMetricNames();
  const dashboard = JSON.parse(read('deploy/observability/grafana-dashboard.json'));
  const alerts = parse(read('deploy/observability/prometheus-alerts.yaml')) as {
    groups: Array<{ rules: Array<{ alert: string; expr: string; annotations: { runbook: string } }> }>;
  };
  const runbook = read('docs/operations.md');

  it('the dashboard queries only metrics the processes export', () => {
    const expressions: string[] = dashboard.panels.flatMap((panel: { targets: Array<{ expr: string }> }) =>
      panel.targets.map((target) => target.expr),
    );
    expect(expressions.length).toBeGreaterThanOrEqual(10);
    const used = expressions.flatMap(metricsIn);
    expect(used).toContain('warden_outbox_pending');
    expect(used.filter((name) => !exported.has(name))).toEqual([]);
  });

  it('the alert rules query only exported metrics, and each has its runbook section', () => {
    const rules = alerts.groups.flatMap((group) => group.rules);
    expect(rules.length).toBeGreaterThanOrEqual(8);
    expect(rules.flatMap((rule) => metricsIn(rule.expr)).filter((name) => !exported.has(name))).toEqual([]);
    const headings = new Set([...runbook.matchAll(/^### (\S+)$/gm)].map((match) => match[1]!.toLowerCase()));
    for (const rule of rules) {
      expect(headings).toContain(rule.alert.toLowerCase());
      expect(rule.annotations.runbook).toBe(`docs/operations.md#${rule.alert.toLowerCase()}`);
    }
  });

  it('catches a metric that does not exist (the check itself can fail)', () => {
    expect(metricsIn('sum(rate(warden_no_such_metric_total{service="x"}[5m]))').filter((name) => !exported.has(name))).toEqual([
      'warden_no_such_metric_total',
    ]);
  });
});
