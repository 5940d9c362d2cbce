/** The {@link io.hippocamel.embed.Embedder} port: in-process ONNX model and OpenAI-compatible HTTP adapters. */
package io.hippocamel.embed;
