package io.hippocamel.connector.gdrive;

import com.google.api.client.http.HttpResponseException;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.auth.oauth2.UserCredentials;
import io.hippocamel.connector.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Access tokens for Drive from Google's auth library (google-auth-library), cached and refreshed by it shortly before
 * they expire: the refresh-token grant (client id, secret, refresh token) or the service-account JWT-bearer grant
 * (RS256 assertion signed with the key file's private key). A token endpoint refusing the credentials (400/401, such
 * as {@code invalid_grant}) is {@code auth_expired}; an unreachable or failing one is {@code provider_unavailable}.
 */
final class GoogleTokens {

    static final String SCOPE = "https://www.googleapis.com/auth/drive.readonly";

    private final GoogleCredentials credentials;
    private boolean stale;

    private GoogleTokens(GoogleCredentials credentials) {
        this.credentials = credentials;
    }

    static GoogleTokens refreshToken(URI tokenUrl, String clientId, String clientSecret, String refreshToken) {
        return new GoogleTokens(UserCredentials.newBuilder().setClientId(clientId).setClientSecret(clientSecret)
                .setRefreshToken(refreshToken).setTokenServerUri(tokenUrl).build());
    }

    /** The key file's own {@code token_uri} is replaced by the configured one (tests, proxies). */
    static GoogleTokens serviceAccount(URI tokenUrl, Path keyFile) {
        try (InputStream in = Files.newInputStream(keyFile)) {
            ServiceAccountCredentials key = ServiceAccountCredentials.fromStream(in);
            return new GoogleTokens(key.toBuilder().setTokenServerUri(tokenUrl).setScopes(List.of(SCOPE)).build());
        } catch (IOException | RuntimeException e) {
            throw new SourceException(SourceException.Code.AUTH_EXPIRED, "cannot read the service-account key file "
                    + keyFile + ": " + e.getMessage());
        }
    }

    /** A valid access token, fetched when there is none, it is about to expire, or it was refused. */
    synchronized String get() {
        try {
            if (stale) {
                credentials.refresh();
                stale = false;
            } else {
                credentials.refreshIfExpired();
            }
        } catch (IOException e) {
            boolean refused = e.getCause() instanceof HttpResponseException http
                    && (http.getStatusCode() == 400 || http.getStatusCode() == 401);
            throw new SourceException(refused ? SourceException.Code.AUTH_EXPIRED
                    : SourceException.Code.PROVIDER_UNAVAILABLE, "token endpoint: " + e.getMessage(), e);
        }
        AccessToken token = credentials.getAccessToken();
        return token.getTokenValue();
    }

    /** Forgets the token after a 401, so the next call fetches a fresh one. */
    synchronized void invalidate() {
        stale = true;
    }
}
