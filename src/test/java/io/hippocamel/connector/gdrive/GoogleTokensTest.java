package io.hippocamel.connector.gdrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.connector.SourceException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both OAuth grants against the fake token endpoint; the service-account JWT is checked like Google checks it. */
class GoogleTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeGoogleDrive google = new FakeGoogleDrive();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        google.close();
    }

    @Test
    @DisplayName("service account: an RS256 JWT signed with the key file's key, Google's audience, drive.readonly")
    void serviceAccountJwt() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Path keyFile = Files.writeString(dir.resolve("sa.json"), JSON.createObjectNode()
                .put("type", "service_account").put("client_email", "sync@acme.iam.gserviceaccount.com")
                .put("private_key_id", "kid-1").put("private_key", pem).put("client_id", "123").toString());

        GoogleTokens tokens = GoogleTokens.serviceAccount(URI.create(google.tokenUrl()), keyFile);

        assertThat(tokens.get()).isEqualTo(FakeGoogleDrive.TOKEN);
        assertThat(tokens.get()).as("cached").isEqualTo(FakeGoogleDrive.TOKEN);
        assertThat(google.requests()).hasSize(1);
        String[] jwt = google.requests().get(0).query().get("assertion").split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(keys.getPublic());
        rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(header.path("kid").asText()).isEqualTo("kid-1");
        assertThat(claims.path("iss").asText()).isEqualTo("sync@acme.iam.gserviceaccount.com");
        assertThat(claims.path("aud").asText()).isEqualTo("https://oauth2.googleapis.com/token");
        assertThat(claims.path("scope").asText()).isEqualTo("https://www.googleapis.com/auth/drive.readonly");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3600);
    }

    @Test
    @DisplayName("refresh token: the documented form body; a revoked token is auth_expired")
    void refreshToken() {
        GoogleTokens tokens = GoogleTokens.refreshToken(URI.create(google.tokenUrl()), "client-id", "client-secret",
                "1//refresh-token");
        assertThat(tokens.get()).isEqualTo(FakeGoogleDrive.TOKEN);
        assertThat(google.requests().get(0).query()).containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", "1//refresh-token");

        google.revokeRefreshToken();
        tokens.invalidate();
        assertThatThrownBy(tokens::get).isInstanceOf(SourceException.class)
                .hasMessageContaining("invalid_grant")
                .satisfies(e -> assertThat(((SourceException) e).code()).isEqualTo(SourceException.Code.AUTH_EXPIRED));
    }
}
