// An independent OAuth 2.0 / OpenID Connect server (the npm package oidc-provider, not ChartLens
// code) on loopback with an OS-chosen port, for ChartLens's interoperability test.
// Prints "ISSUER <url>" once listening. The interactive login/consent is completed automatically
// for the fixture user "clinician-1" (the test still drives the real redirects and cookies).
// Also serves {issuer}/fhir/.well-known/smart-configuration, as a SMART FHIR server would.
import http from 'node:http';
import Provider from 'oidc-provider';

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'chartlens',
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    redirect_uris: ['http://127.0.0.1/callback'],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
  }],
  scopes: ['openid', 'offline_access', 'fhirUser'],
  claims: { openid: ['sub'], fhirUser: ['fhirUser'] },
  conformIdTokenClaims: false,
  findAccount: async (ctx, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, fhirUser: `Practitioner/${id}` }),
  }),
  features: { devInteractions: { enabled: false }, revocation: { enabled: true } },
  rotateRefreshToken: true,
  // OIDC Core drops offline_access unless prompt=consent; SMART clients do not send prompt, so the
  // fixture issues refresh tokens to clients allowed the refresh_token grant instead.
  issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
  pkce: { required: () => true },
  ttl: { AccessToken: 120, AuthorizationCode: 60, IdToken: 120, RefreshToken: 3600, Grant: 3600,
         Session: 3600, Interaction: 600 },
  cookies: { keys: ['chartlens-interop-fixture-only'] },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
});

const callback = provider.callback();

function json(res, body) {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

server.on('request', async (req, res) => {
  try {
    const url = new URL(req.url, issuer);
    if (url.pathname === '/fhir/.well-known/smart-configuration') {
      // Relative token/revocation endpoints on purpose: clients must resolve them.
      json(res, {
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: '/token',
        revocation_endpoint: '/token/revocation',
        jwks_uri: `${issuer}/jwks`,
        code_challenge_methods_supported: ['S256'],
        grant_types_supported: ['authorization_code', 'refresh_token'],
        capabilities: ['launch-standalone', 'client-public', 'sso-openid-connect', 'permission-offline'],
      });
      return;
    }
    if (url.pathname.startsWith('/interaction/')) {
      const details = await provider.interactionDetails(req, res);
      const { prompt, params, session, grantId } = details;
      let result;
      if (prompt.name === 'login') {
        result = { login: { accountId: 'clinician-1' } };
      } else {
        const grant = grantId ? await provider.Grant.find(grantId)
          : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
        if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
        if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
        if (prompt.details.missingResourceScopes) {
          for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes)) {
            grant.addResourceScope(indicator, scopes.join(' '));
          }
        }
        result = { consent: { grantId: await grant.save() } };
      }
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
      return;
    }
    callback(req, res);
  } catch (e) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(`fixture error: ${e.message}`);
  }
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
console.log(`ISSUER ${issuer}`);
