package io.hippocamel.ingest;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import io.hippocamel.HippocamelConstants;
import io.hippocamel.embed.Embedder;
import io.hippocamel.settings.SettingsService;
import io.hippocamel.store.MemoryStore;
import io.hippocamel.store.StoreProperties;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.seda.QueueReference;
import org.apache.camel.component.seda.SedaComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The durable ingest pipeline: document service, steps, routes, recovery and claims. */
@Configuration(proxyBeanMethods = false)
public class IngestConfiguration {

    @Bean
    Chunker chunker(IngestProperties props) {
        IngestProperties.Chunking c = props.getChunking();
        return new Chunker(Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE),
                c.getMaxTokens(), c.getOverlapTokens());
    }

    @Bean
    ContentExtractor contentExtractor() {
        return new ContentExtractor();
    }

    @Bean
    UrlFetcher urlFetcher(IngestProperties i) {
        return new UrlFetcher(i.isAllowPrivateUrls(), i.getMaxUrlSize().toBytes(), i.getUrlTimeout());
    }

    @Bean
    DocumentEvents documentEvents() {
        return new DocumentEvents();
    }

    @Bean
    IngestQueue ingestQueue(ProducerTemplate producer) {
        return new IngestQueue(producer);
    }

    @Bean
    DocumentService documentService(MemoryStore store, IngestQueue queue, Clock clock, DocumentEvents events) {
        return new DocumentService(store, queue, clock, events);
    }

    /** Queue depth: the documents waiting in the ingest SEDA queue. */
    @Bean
    IngestSummary ingestSummary(Clock clock, CamelContext camel) {
        return new IngestSummary(clock, () -> {
            SedaComponent seda = camel.getComponent("seda", SedaComponent.class);
            QueueReference queue = seda == null ? null
                    : seda.getQueues().get(HippocamelConstants.INGEST_QUEUE.substring("seda:".length()));
            return queue == null ? 0 : queue.getQueue().size();
        });
    }

    @Bean
    IngestFailureHandler ingestFailureHandler(MemoryStore store, DocumentEvents events, IngestSummary summary) {
        return new IngestFailureHandler(store, events, summary);
    }

    @Bean
    IngestRoutes.Errors ingestErrors(IngestFailureHandler failureHandler) {
        return new IngestRoutes.Errors(failureHandler);
    }

    /** Claims on documents being processed: needed only when several servers share an Elasticsearch store. */
    @Bean
    DocumentLeases documentLeases(StoreProperties store, MemoryStore memoryStore, Clock clock) {
        return store.getType() == StoreProperties.StoreType.ELASTICSEARCH
                ? new DocumentLeases(memoryStore, clock, store.getElasticsearch().getLeaseTtl())
                : DocumentLeases.disabled();
    }

    @Bean
    IngestRoutes ingestRoutes(IngestProperties props, MemoryStore store, ContentExtractor extractor,
                              UrlFetcher fetcher, Chunker chunker, Embedder embedder, Clock clock,
                              IngestFailureHandler failureHandler, DocumentEvents events, DocumentLeases leases,
                              IngestSummary summary, SettingsService settings) {
        IngestProperties.Chunking c = props.getChunking();
        return new IngestRoutes(props, new ExtractStep(store, extractor, fetcher),
                new ChunkStep(store, chunker, new ChunkContext(store, c.getContextKeys(), c.getThreadKeys()),
                        tenant -> settings.get(tenant).chunkSize()),
                new EmbedStep(store, embedder), new IndexStep(store, clock, events, summary), failureHandler, leases,
                summary);
    }

    @Bean
    IngestRecoveryRoute ingestRecoveryRoute(StoreProperties storeProps, MemoryStore store, IngestQueue queue,
                                            DocumentLeases leases, Clock clock) {
        return new IngestRecoveryRoute(new IngestRecovery(store, queue, leases, clock),
                leases.enabled() ? storeProps.getElasticsearch().getAbandonedCheckInterval() : null);
    }
}
