// A course's funnel as an inline SVG bar chart (no script, nothing loaded), with the same numbers in a table for screen readers.
/** @jsxImportSource hono/jsx */
import type { CourseFunnel, FunnelStage } from '../admin/funnel';

const WIDTH = 960;
const HEIGHT = 260;
const LEFT = 44;
const RIGHT = 8;
const TOP = 22;
const BOTTOM = 34;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
const BASELINE = TOP + PLOT_HEIGHT;

/** Hidden from sight, still read by screen readers. */
const VISUALLY_HIDDEN = 'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0';

const plural = (count: number) => `${count} ${count === 1 ? 'subscriber' : 'subscribers'}`;

/** One sentence with the funnel's main steps, for the chart's <desc>. */
function describe(stages: FunnelStage[]): string {
  if (stages.every((stage) => stage.count === 0)) return 'No one has signed up yet: every bar is zero.';
  const find = (key: string) => stages.find((stage) => stage.key === key);
  const welcome = find('0');
  const last = stages[stages.length - 1]!;
  return (
    `${plural(find('signed_up')?.count ?? 0)} signed up, ${find('confirmed')?.count ?? 0} confirmed, ` +
    `${welcome?.count ?? 0} received the welcome and ${last.count} reached ${last.label}. The table that follows gives every step.`
  );
}

/**
 * A bar per stage (signed up, confirmed, welcome, Day 1..N, completion) scaled to the largest count, each bar
 * labelled with its count and carrying a tooltip; the <svg> is an image named by its <title> and <desc>.
 */
export function FunnelChart({ funnel }: { funnel: CourseFunnel }) {
  const { courseId, stages } = funnel;
  const idPrefix = `funnel-${courseId}`;
  const highest = Math.max(1, ...stages.map((stage) => stage.count));
  const slot = (WIDTH - LEFT - RIGHT) / Math.max(1, stages.length);
  const barWidth = Math.max(2, slot * 0.68);
  const heightOf = (count: number) => (count / highest) * PLOT_HEIGHT;
  const title = `Course ${courseId}: subscribers at each step`;
  return (
    <figure style="margin:0 0 1.5rem" data-course={courseId}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={`${idPrefix}-title ${idPrefix}-desc`} style="display:block;max-width:100%;height:auto">
        <title id={`${idPrefix}-title`}>{title}</title>
        <desc id={`${idPrefix}-desc`}>{describe(stages)}</desc>
        <g style="stroke:var(--rule)">
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={TOP} y2={TOP} />
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={BASELINE} y2={BASELINE} />
        </g>
        <g style="fill:var(--muted);font-size:12px" text-anchor="end">
          <text x={LEFT - 6} y={TOP + 4}>{highest}</text>
          <text x={LEFT - 6} y={BASELINE + 4}>0</text>
        </g>
        {stages.map((stage, index) => {
          const x = LEFT + index * slot + (slot - barWidth) / 2;
          const height = heightOf(stage.count);
          const centre = x + barWidth / 2;
          const before = index < 2;
          return (
            <g data-stage={stage.key}>
              <title>{`${stage.label}: ${plural(stage.count)}`}</title>
              <rect x={x.toFixed(1)} y={(BASELINE - height).toFixed(1)} width={barWidth.toFixed(1)} height={height.toFixed(1)} style={`fill:var(${before ? '--muted' : '--accent'})`} />
              <text x={centre.toFixed(1)} y={(BASELINE - height - 5).toFixed(1)} text-anchor="middle" style="fill:var(--ink);font-size:11px">
                {stage.count}
              </text>
              <text x={centre.toFixed(1)} y={BASELINE + 18} text-anchor="middle" style="fill:var(--muted);font-size:12px">
                {stage.short}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="muted">
        S signed up, OK confirmed (grey); W the welcome, then each day, C the completion message. Each subscriber counts once per step, across
        restarts.
      </figcaption>
      <table style={VISUALLY_HIDDEN}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Subscribers</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((stage) => (
            <tr>
              <th scope="row">{stage.label}</th>
              <td>{stage.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
