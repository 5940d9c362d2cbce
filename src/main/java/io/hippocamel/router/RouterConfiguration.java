package io.hippocamel.router;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import io.hippocamel.conversation.ConversationService;
import io.hippocamel.search.SearchService;
import io.hippocamel.tenancy.ApiKeys;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Memory Router's pipeline: one bean per step, wired into {@link RouterRoutes}. */
@Configuration(proxyBeanMethods = false)
public class RouterConfiguration {

    @Bean
    TokenCounter tokenCounter() {
        return new TokenCounter(Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE));
    }

    @Bean
    RouterRoutes.Errors routerErrors(ObjectMapper json) {
        return new RouterRoutes.Errors(new RouterErrorMapper(json));
    }

    @Bean
    RouterRoutes routerRoutes(RouterProperties r, ApiKeys keys, TokenCounter tokens, SearchService search,
                              ConversationService conversations, ObjectMapper json, ProducerTemplate producer,
                              Clock clock) {
        return new RouterRoutes(new RouterRoutes.Steps(
                new RouterRequestReader(keys, new UpstreamResolver(r.getAllowedUpstreams()), tokens, json),
                new ContextStripper(tokens, r.getMaxContextTokens(), r.getMemoryTokens()),
                new MemoryRetriever(search, r.getTopK(), r.getThreshold()),
                new PromptAugmenter(tokens, r.getMemoryTokens()),
                new FailOpen(),
                new UpstreamRequestWriter(json),
                new UpstreamResponseHandler(new ReplyParser(json), producer, r.getMaxCallDuration(), clock),
                conversations));
    }
}
