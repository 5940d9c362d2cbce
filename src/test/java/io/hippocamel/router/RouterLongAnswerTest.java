package io.hippocamel.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.hippocamel.testsupport.LocalHttpServer;
import io.hippocamel.testsupport.ServerTestSupport;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Answers that take longer than the servlet container's own async timeout arrive whole. The container default
 * (Tomcat: 30 s) is shortened to 2 s here, and the upstream answers only after it: the router's timeouts must
 * govern the call, not the container's.
 */
@Import(RouterLongAnswerTest.ShortContainerTimeout.class)
@ContextConfiguration(initializers = RouterLongAnswerTest.OwnDataDir.class)
class RouterLongAnswerTest extends ServerTestSupport {

    private static final long CONTAINER_TIMEOUT_MS = 2_000;
    /** The slow upstream answers after this unless the client already got an answer (the bug: a cut-off). */
    private static final long UPSTREAM_DELAY_MS = 3 * CONTAINER_TIMEOUT_MS;
    private static final String DATA_DIR = tempDir("hippocamel-long-").toString();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final LocalHttpServer SLOW = new LocalHttpServer();
    private static volatile CountDownLatch clientDone = new CountDownLatch(1);

    static {
        SLOW.handle("/slow/v1/chat/completions", ex -> {
            byte[] request = ex.getRequestBody().readAllBytes();
            boolean stream = new String(request, StandardCharsets.UTF_8).contains("\"stream\":true");
            if (!stream) {
                await(clientDone);
                LocalHttpServer.respond(ex, 200, "application/json", "{\"id\":\"chatcmpl-slow\",\"object\":"
                        + "\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"A slow and complete answer.\"},\"finish_reason\":\"stop\"}]}");
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(event("A slow"));
                out.flush();
                await(clientDone);
                out.write(event(" and complete answer."));
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        });
    }

    @Autowired
    CamelContext camel;

    private static byte[] event(String text) {
        return ("data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                + text + "\"}}]}\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(UPSTREAM_DELAY_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterAll
    static void stopUpstream() {
        SLOW.close();
    }

    @DynamicPropertySource
    static void slowUpstream(DynamicPropertyRegistry registry) {
        registry.add("hippocamel.router.allowed-upstreams[3]", () -> SLOW.url("/slow/"));
        registry.add("camel.main.name", () -> "hippocamel-long");
    }

    /** Stands in for the container's default async timeout (30 s on Tomcat), shortened so the test stays short. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ShortContainerTimeout {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> shortAsyncTimeout() {
            return factory -> factory.addConnectorCustomizers(c -> c.setAsyncTimeout(CONTAINER_TIMEOUT_MS));
        }
    }

    /** This server needs its own data dir (the shared test server holds the Lucene lock on its own). */
    static class OwnDataDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("long-data-dir",
                    Map.of("hippocamel.data-dir", DATA_DIR)));
        }
    }

    private HttpRequest chat(boolean stream) throws Exception {
        String body = JSON.writeValueAsString(Map.of("model", "gpt-4o-mini", "stream", stream, "messages",
                List.of(Map.of("role", "user", "content", "Write a long essay about tides."))));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/" + SLOW.url("/slow/v1/chat/"
                        + "completions")))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("x-supermemory-api-key", KEY_A)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Test
    @DisplayName("the router's upstream timeout governs Camel's http component and the servlet async timeout")
    void timeoutsFollowTheRouter() {
        HttpComponent http = camel.getComponent("http", HttpComponent.class);
        assertThat(http.getResponseTimeout()).isEqualTo(Duration.ofMinutes(10).toMillis());
        assertThat(http.getSoTimeout()).isEqualTo(Duration.ofMinutes(10).toMillis());
    }

    @Test
    @DisplayName("an answer that comes after the container's async timeout arrives whole, not as a 503")
    void slowAnswer() throws Exception {
        clientDone = new CountDownLatch(1);
        HttpResponse<String> r;
        try {
            r = HTTP.send(chat(false), HttpResponse.BodyHandlers.ofString());
        } finally {
            clientDone.countDown();
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("choices").get(0).path("message").path("content").asText())
                .isEqualTo("A slow and complete answer.");
    }

    @Test
    @DisplayName("a stream that pauses past the container's async timeout arrives whole, up to [DONE]")
    void slowStream() throws Exception {
        clientDone = new CountDownLatch(1);
        StringBuilder received = new StringBuilder();
        try {
            HttpResponse<InputStream> r = HTTP.send(chat(true), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.statusCode()).isEqualTo(200);
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    received.append(line).append('\n');
                }
            }
        } finally {
            clientDone.countDown();
        }
        assertThat(received.toString()).contains("A slow").contains(" and complete answer.")
                .endsWith("data: [DONE]\n\n");
    }
}
