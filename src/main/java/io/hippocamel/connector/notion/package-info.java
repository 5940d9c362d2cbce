/**
 * The {@code notion} source: a thin client of the Notion API (version 2022-06-28 by default): search sorted by
 * {@code last_edited_time}, block trees rendered to Markdown, periodic full reconciles for deletions.
 */
package io.hippocamel.connector.notion;
