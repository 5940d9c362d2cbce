package io.hippocamel.store.elasticsearch;

import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.elasticsearch.Build;
import org.elasticsearch.action.admin.cluster.state.ClusterStateRequest;
import org.elasticsearch.action.admin.cluster.state.ClusterStateResponse;
import org.elasticsearch.client.internal.node.NodeClient;
import org.elasticsearch.cluster.metadata.IndexNameExpressionResolver;
import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.common.io.stream.NamedWriteableRegistry;
import org.elasticsearch.common.settings.ClusterSettings;
import org.elasticsearch.common.settings.IndexScopedSettings;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.settings.SettingsFilter;
import org.elasticsearch.core.TimeValue;
import org.elasticsearch.features.NodeFeature;
import org.elasticsearch.index.IndexVersion;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.rest.BaseRestHandler;
import org.elasticsearch.rest.RestController;
import org.elasticsearch.rest.RestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.rest.action.RestBuilderListener;
import org.elasticsearch.xcontent.XContentBuilder;

/**
 * Serves {@code GET /} and {@code HEAD /} (the client's info() and ping()): they live in the rest-root module, which
 * is not published to Maven Central, so the embedded node would answer 405 without this.
 */
public class RootInfoPlugin extends Plugin implements ActionPlugin {

    @Override
    public Collection<RestHandler> getRestHandlers(Settings settings, NamedWriteableRegistry namedWriteableRegistry,
            RestController restController, ClusterSettings clusterSettings, IndexScopedSettings indexScopedSettings,
            SettingsFilter settingsFilter, IndexNameExpressionResolver indexNameExpressionResolver,
            Supplier<DiscoveryNodes> nodesInCluster, Predicate<NodeFeature> clusterSupportsFeature) {
        String nodeName = settings.get("node.name", "node");
        return List.of(new BaseRestHandler() {
            @Override
            public String getName() {
                return "embedded_root_info";
            }

            @Override
            public List<Route> routes() {
                return List.of(new Route(RestRequest.Method.GET, "/"), new Route(RestRequest.Method.HEAD, "/"));
            }

            @Override
            protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
                ClusterStateRequest state = new ClusterStateRequest(TimeValue.timeValueSeconds(30)).clear()
                        .metadata(true);
                return channel -> client.admin().cluster().state(state,
                        new RestBuilderListener<ClusterStateResponse>(channel) {
                            @Override
                            public RestResponse buildResponse(ClusterStateResponse r, XContentBuilder b)
                                    throws Exception {
                                Build build = Build.current();
                                b.startObject().field("name", nodeName)
                                        .field("cluster_name", r.getClusterName().value())
                                        .field("cluster_uuid", r.getState().metadata().clusterUUID())
                                        .startObject("version")
                                        .field("number", build.qualifiedVersion())
                                        .field("build_flavor", "default")
                                        .field("build_type", build.type().displayName())
                                        .field("build_hash", build.hash())
                                        .field("build_date", build.date())
                                        .field("build_snapshot", build.isSnapshot())
                                        .field("lucene_version", IndexVersion.current().luceneVersion().toString())
                                        .field("minimum_wire_compatibility_version", build.minWireCompatVersion())
                                        .field("minimum_index_compatibility_version", build.minIndexCompatVersion())
                                        .endObject().field("tagline", "You Know, for Search").endObject();
                                return new RestResponse(RestStatus.OK, b);
                            }
                        });
            }
        });
    }
}
