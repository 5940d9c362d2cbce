package io.hippocamel.connector.gdrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.connector.SourceException;
import io.hippocamel.connector.SourceHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens from Google's token endpoint, cached until shortly before they expire: the refresh-token grant
 * (client id, secret, refresh token) or the service-account JWT-bearer grant (RS256 assertion signed with the key
 * file's private key). {@code invalid_grant} and other 400/401 answers are {@code auth_expired}.
 */
final class GoogleTokens {

    static final String SCOPE = "https://www.googleapis.com/auth/drive.readonly";
    /** Google checks {@code aud} against its production endpoint, whatever URL the token is requested from. */
    private static final String AUDIENCE = "https://oauth2.googleapis.com/token";
    private static final long LIFETIME_SECONDS = 3600;

    private final SourceHttp http;
    private final ObjectMapper json;
    private final Clock clock;
    private final URI tokenUrl;
    private final Map<String, String> refreshGrant;
    private final JsonNode serviceAccount;
    private String token;
    private Instant expiresAt = Instant.EPOCH;

    private GoogleTokens(SourceHttp http, ObjectMapper json, Clock clock, URI tokenUrl,
                         Map<String, String> refreshGrant, JsonNode serviceAccount) {
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.tokenUrl = tokenUrl;
        this.refreshGrant = refreshGrant;
        this.serviceAccount = serviceAccount;
    }

    static GoogleTokens refreshToken(SourceHttp http, ObjectMapper json, Clock clock, URI tokenUrl, String clientId,
                                     String clientSecret, String refreshToken) {
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("client_id", clientId);
        grant.put("client_secret", clientSecret);
        grant.put("refresh_token", refreshToken);
        grant.put("grant_type", "refresh_token");
        return new GoogleTokens(http, json, clock, tokenUrl, grant, null);
    }

    /** The key file's own {@code token_uri} is ignored in favour of the configured one (tests, proxies). */
    static GoogleTokens serviceAccount(SourceHttp http, ObjectMapper json, Clock clock, URI tokenUrl, Path keyFile) {
        try {
            return new GoogleTokens(http, json, clock, tokenUrl, null, json.readTree(Files.readString(keyFile)));
        } catch (IOException e) {
            throw new SourceException(SourceException.Code.AUTH_EXPIRED, "cannot read the service-account key file "
                    + keyFile + ": " + e.getMessage());
        }
    }

    /** A valid access token, fetched when there is none or it is about to expire. */
    synchronized String get() {
        if (token == null || clock.instant().isAfter(expiresAt.minusSeconds(60))) {
            fetch();
        }
        return token;
    }

    /** Forgets the token after a 401, so the next call fetches a fresh one. */
    synchronized void invalidate() {
        token = null;
    }

    private void fetch() {
        Map<String, String> form = refreshGrant != null ? refreshGrant : Map.of(
                "grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", assertion());
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(tokenUrl)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        JsonNode answer = parse(response);
        if (response.statusCode() != 200 || !answer.hasNonNull("access_token")) {
            throw new SourceException(SourceException.Code.AUTH_EXPIRED, "token endpoint answered "
                    + response.statusCode() + " " + answer.path("error").asText("")
                    + (answer.has("error_description") ? ": " + answer.get("error_description").asText() : ""));
        }
        token = answer.get("access_token").asText();
        expiresAt = clock.instant().plusSeconds(answer.path("expires_in").asLong(3600));
    }

    private JsonNode parse(HttpResponse<byte[]> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /** The signed JWT of the service-account grant. */
    private String assertion() {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT",
                "kid", serviceAccount.path("private_key_id").asText(""));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", serviceAccount.path("client_email").asText());
        claims.put("scope", SCOPE);
        claims.put("aud", AUDIENCE);
        claims.put("iat", now);
        claims.put("exp", now + LIFETIME_SECONDS);
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String signingInput = b64.encodeToString(json.writeValueAsBytes(header)) + "."
                    + b64.encodeToString(json.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey(serviceAccount.path("private_key").asText()));
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(signature.sign());
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new SourceException(SourceException.Code.AUTH_EXPIRED,
                    "cannot sign with the service-account key: " + e.getMessage());
        }
    }

    private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(base64)));
    }
}
