// The course funnel as an inline SVG bar chart (no script, nothing loaded), with the same numbers in a table for screen readers.
/** @jsxImportSource hono/jsx */
import { funnelDayLabel, type FunnelDay } from '../admin/funnel';

export interface FunnelChartProps {
  days: FunnelDay[];
}

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

const axisLabel = (day: FunnelDay, index: number, all: FunnelDay[]) => (index === 0 ? 'W' : index === all.length - 1 ? 'C' : String(day.day));
const plural = (count: number) => `${count} ${count === 1 ? 'subscriber' : 'subscribers'}`;

/** One sentence with the funnel's ends, for the chart's <desc>. */
function describe(days: FunnelDay[]): string {
  const first = days[0];
  const last = days[days.length - 1];
  const lastStep = days[days.length - 2];
  if (!first || !last || !lastStep) return 'No data.';
  if (days.every((day) => day.subscribers === 0)) return 'Nothing has been sent yet: every bar is zero.';
  return (
    `${plural(first.subscribers)} received the welcome (W), ${plural(lastStep.subscribers)} ${funnelDayLabel(lastStep.day)} ` +
    `and ${plural(last.subscribers)} the completion message (C). The table that follows gives every day.`
  );
}

/**
 * A bar per day (welcome, Day 1..30, completion) scaled to the largest count, each bar labelled with
 * its count and carrying a tooltip; the <svg> is an image named by its <title> and <desc>.
 */
export function FunnelChart({ days }: FunnelChartProps) {
  const highest = Math.max(1, ...days.map((day) => day.subscribers));
  const slot = (WIDTH - LEFT - RIGHT) / Math.max(1, days.length);
  const barWidth = Math.max(2, slot * 0.68);
  const heightOf = (count: number) => (count / highest) * PLOT_HEIGHT;
  return (
    <figure style="margin:0">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby="funnel-title funnel-desc" style="display:block;max-width:100%;height:auto">
        <title id="funnel-title">Subscribers sent each day of the course</title>
        <desc id="funnel-desc">{describe(days)}</desc>
        <g style="stroke:var(--rule)">
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={TOP} y2={TOP} />
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={BASELINE} y2={BASELINE} />
        </g>
        <g style="fill:var(--muted);font-size:12px" text-anchor="end">
          <text x={LEFT - 6} y={TOP + 4}>{highest}</text>
          <text x={LEFT - 6} y={BASELINE + 4}>0</text>
        </g>
        {days.map((day, index) => {
          const x = LEFT + index * slot + (slot - barWidth) / 2;
          const height = heightOf(day.subscribers);
          const centre = x + barWidth / 2;
          return (
            <g data-day={day.day}>
              <title>{`${funnelDayLabel(day.day)}: ${plural(day.subscribers)}`}</title>
              <rect x={x.toFixed(1)} y={(BASELINE - height).toFixed(1)} width={barWidth.toFixed(1)} height={height.toFixed(1)} style="fill:var(--accent)" />
              <text x={centre.toFixed(1)} y={(BASELINE - height - 5).toFixed(1)} text-anchor="middle" style="fill:var(--ink);font-size:11px">
                {day.subscribers}
              </text>
              <text x={centre.toFixed(1)} y={BASELINE + 18} text-anchor="middle" style="fill:var(--muted);font-size:12px">
                {axisLabel(day, index, days)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="muted">W is the welcome message, C the completion message after Day 30; each subscriber counts once per day, across restarts.</figcaption>
      <table style={VISUALLY_HIDDEN}>
        <caption>Subscribers sent each day of the course</caption>
        <thead>
          <tr>
            <th scope="col">Message</th>
            <th scope="col">Subscribers</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr>
              <th scope="row">{funnelDayLabel(day.day)}</th>
              <td>{day.subscribers}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
