package io.hippocamel;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The parts of the engine and the arrows allowed between them (README "Code layout"): entry points call services,
 * services use ports, adapters implement ports; tenancy, validation and configuration sit below every entry point;
 * no part imports a part that imports it back.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.hippocamel");
    }

    @Test
    void noPartImportsAPartThatImportsItBack() {
        slices().matching("io.hippocamel.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void partsDependOnlyAlongTheAllowedArrows() {
        Architectures.layeredArchitecture().consideringOnlyDependenciesInAnyPackage("io.hippocamel..")
                // the application class and the start-up summary: the composition root may see every part
                .layer("app").definedBy("io.hippocamel")
                // entry points
                .layer("api").definedBy("io.hippocamel.api..")
                .layer("router").definedBy("io.hippocamel.router..")
                .layer("camel").definedBy("io.hippocamel.camel..")
                .layer("connector").definedBy("io.hippocamel.connector..")
                // services
                .layer("ingest").definedBy("io.hippocamel.ingest..")
                .layer("search").definedBy("io.hippocamel.search..")
                .layer("conversation").definedBy("io.hippocamel.conversation..")
                .layer("memory").definedBy("io.hippocamel.memory..")
                .layer("tags").definedBy("io.hippocamel.tags..")
                .layer("settings").definedBy("io.hippocamel.settings..")
                // ports and adapters
                .layer("store").definedBy("io.hippocamel.store..")
                .layer("embed").definedBy("io.hippocamel.embed..")
                // below everything
                .layer("tenancy").definedBy("io.hippocamel.tenancy..")
                .layer("http").definedBy("io.hippocamel.http..")
                .layer("config").definedBy("io.hippocamel.config..")
                .layer("core").definedBy("io.hippocamel.core..")

                .whereLayer("api").mayOnlyBeAccessedByLayers("app")
                .whereLayer("router").mayOnlyBeAccessedByLayers("app")
                .whereLayer("camel").mayOnlyBeAccessedByLayers("app")
                // the API manages connections (/v3/connections); no other entry point reaches the connectors
                .whereLayer("connector").mayOnlyBeAccessedByLayers("api", "app")
                .whereLayer("conversation").mayOnlyBeAccessedByLayers("api", "router", "camel", "memory", "app")
                .whereLayer("memory").mayOnlyBeAccessedByLayers("api", "router", "camel", "connector", "ingest",
                        "conversation", "tags", "app")
                // container tags (counts, profiles, delete-all) and tenant settings serve the API only
                .whereLayer("tags").mayOnlyBeAccessedByLayers("api", "app")
                .whereLayer("settings").mayOnlyBeAccessedByLayers("api", "ingest", "app")
                .whereLayer("search").mayOnlyBeAccessedByLayers("api", "router", "camel", "connector", "memory",
                        "conversation", "app")
                .whereLayer("ingest").mayOnlyBeAccessedByLayers("api", "router", "camel", "connector", "conversation",
                        "memory", "tags", "app")
                .whereLayer("store").mayOnlyBeAccessedByLayers("api", "router", "camel", "connector", "ingest",
                        "search", "conversation", "memory", "tags", "settings", "app")
                .whereLayer("embed").mayOnlyBeAccessedByLayers("ingest", "search", "store", "memory", "api", "app")
                .whereLayer("tenancy").mayOnlyBeAccessedByLayers("api", "router", "camel", "connector", "ingest",
                        "search", "conversation", "memory", "tags", "settings", "app")
                // outbound HTTP (retries, checked DNS) for the parts that call other servers
                .whereLayer("http").mayOnlyBeAccessedByLayers("ingest", "connector", "embed", "memory", "app")
                .withOptionalLayers(true)
                .check(classes);
    }
}
