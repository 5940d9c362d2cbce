package io.hippocamel.search;

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

/** Hybrid search. */
@Validated
@ConfigurationProperties("hippocamel.search")
public class SearchProperties {
    /** blend (weighted sum of normalised scores; measured best, see BENCHMARKS.md) or rrf (reciprocal rank). */
    @NotNull
    private Fusion fusion = Fusion.BLEND;
    /** RRF's k constant. */
    @Min(1)
    private int rrfK = 60;
    /** Blend: weight of the vector score (1 - weight goes to BM25). */
    @DecimalMin("0")
    @DecimalMax("1")
    private double vectorWeight = 0.3;
    /** Candidates fetched from each of BM25 and kNN before fusion. */
    @Min(1)
    @Max(1000)
    private int candidates = 50;
    /**
     * BM25 candidates scoring below this fraction of the best BM25 score are dropped before fusion: they matched
     * only words that are everywhere, and rank fusion would otherwise credit them as evidence.
     */
    @DecimalMin("0")
    @DecimalMax("1")
    private double minTextScoreRatio = 0.1;

    public Fusion getFusion() {
        return fusion;
    }

    public void setFusion(Fusion fusion) {
        this.fusion = fusion;
    }

    public int getRrfK() {
        return rrfK;
    }

    public void setRrfK(int rrfK) {
        this.rrfK = rrfK;
    }

    public double getVectorWeight() {
        return vectorWeight;
    }

    public void setVectorWeight(double vectorWeight) {
        this.vectorWeight = vectorWeight;
    }

    public int getCandidates() {
        return candidates;
    }

    public void setCandidates(int candidates) {
        this.candidates = candidates;
    }

    public double getMinTextScoreRatio() {
        return minTextScoreRatio;
    }

    public void setMinTextScoreRatio(double minTextScoreRatio) {
        this.minTextScoreRatio = minTextScoreRatio;
    }

    public enum Fusion { RRF, BLEND }
}
