// The operator's sign-in form: one password field for ADMIN_TOKEN, posted to /admin/login.
/** @jsxImportSource hono/jsx */
import { Layout } from './layout';

export interface AdminLoginPageProps {
  /** The admin path to return to after signing in. */
  next: string;
  /** Shown when a token was sent and refused. */
  error?: string;
}

/** A form that posts `token` and `next` to /admin/login; an error, when given, is announced and tied to the field. */
export function AdminLoginPage({ next, error }: AdminLoginPageProps) {
  return (
    <Layout title="Operator sign-in" noindex>
      <h1>Operator sign-in</h1>
      <p class="lead">Enter the admin token (the ADMIN_TOKEN secret) to open the operator's pages.</p>
      <form method="post" action="/admin/login" class="card">
        <input type="hidden" name="next" value={next} />
        <div class="field">
          <label for="admin-token">Admin token</label>
          <input
            id="admin-token"
            type="password"
            name="token"
            autocomplete="current-password"
            required
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'admin-token-error' : undefined}
          />
          {error && (
            <p id="admin-token-error" class="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <button type="submit">Sign in</button>
      </form>
    </Layout>
  );
}
