// The operator's preview of one SMS: its exact text, its encoding and how many segments it takes.
/** @jsxImportSource hono/jsx */
import { Layout } from './layout';

export interface AdminSmsPreviewPageProps {
  /** "Day 3: <title>", "Welcome", ... */
  label: string;
  text: string;
  encoding: string;
  /** GSM-7 septets or UCS-2 code units. */
  units: number;
  segments: number;
}

/** The text as the phone shows it (line breaks kept), then its encoding, size and segment count. */
export function AdminSmsPreviewPage({ label, text, encoding, units, segments }: AdminSmsPreviewPageProps) {
  return (
    <Layout title={`SMS preview: ${label}`} noindex>
      <p class="eyebrow">
        <a href="/admin#previews">Back to the operator page</a>
      </p>
      <h1>SMS preview: {label}</h1>
      <div class="outbox">
        <pre id="sms-text">{text}</pre>
        <dl>
          <dt>Encoding</dt>
          <dd id="sms-encoding">{encoding}</dd>
          <dt>Size</dt>
          <dd>
            {units} {encoding === 'GSM-7' ? 'septets' : 'UTF-16 code units'}
          </dd>
          <dt>Segments</dt>
          <dd id="sms-segments">{segments}</dd>
        </dl>
      </div>
      <p class="muted">Links carry placeholder tokens; a real subscriber's links are signed for them.</p>
    </Layout>
  );
}
