package io.hippocamel.connector;

import io.hippocamel.embed.OnnxModel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** Scheduled connectors. */
@Validated
@ConfigurationProperties("hippocamel.connectors")
public class ConnectorProperties {
    /** Folder of connector YAML files. */
    private Path dir = Path.of("./connectors");
    /**
     * How long a sync run holds its connector's lease in the store before renewing it; a server that dies
     * mid-run blocks that connector for at most this long.
     */
    @NotNull
    private Duration leaseDuration = Duration.ofMinutes(10);

    public Path getDir() {
        return dir;
    }

    public void setDir(Path dir) {
        this.dir = dir;
    }

    public Duration getLeaseDuration() {
        return leaseDuration;
    }

    public void setLeaseDuration(Duration leaseDuration) {
        this.leaseDuration = leaseDuration;
    }
}
