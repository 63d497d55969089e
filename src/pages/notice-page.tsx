// A calm page for invalid or expired links and other errors, always with a way home.
/** @jsxImportSource hono/jsx */
import { Layout } from './layout';

export interface NoticePageProps {
  title: string;
  message: string;
}

/** A heading, one explaining sentence and a link to the home page; never shows internal details. */
export function NoticePage({ title, message }: NoticePageProps) {
  return (
    <Layout title={title} noindex>
      <h1>{title}</h1>
      <p class="lead">{message}</p>
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </Layout>
  );
}
