// The frame of every operator page: the desk styles, a heading with a quiet "Sign out", and the find-a-subscriber form.
/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { DESK_STYLES } from './desk-styles';
import { Layout } from './layout';

/** The page with its heading on the left and "Sign out" as a small link-like button on the right. */
export function AdminFrame({ title, heading, children }: { title: string; heading: string; children?: Child }) {
  return (
    <Layout title={title} wide noindex>
      <style dangerouslySetInnerHTML={{ __html: DESK_STYLES }} />
      <div class="desk">
        <div class="topbar">
          <h1>{heading}</h1>
          <form method="post" action="/admin/logout">
            <button type="submit" class="link-button">
              Sign out
            </button>
          </form>
        </div>
        {children}
      </div>
    </Layout>
  );
}

/** One exact address at a time, posted so it never sits in a URL, a history or a log. */
export function FindSubscriberForm({ value = '' }: { value?: string }) {
  return (
    <form method="post" action="/admin/find" class="filters" role="search" aria-label="Find a subscriber">
      <div class="field">
        <label for="find-address">Email address or phone number (exact)</label>
        <input id="find-address" type="search" name="address" value={value} autocomplete="off" required maxlength={320} />
      </div>
      <button type="submit" class="small">Find</button>
    </form>
  );
}
