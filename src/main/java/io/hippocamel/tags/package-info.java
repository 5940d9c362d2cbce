/** Container tags as things of their own: counts, a stored profile (name, entity context) and deletion of all. */
package io.hippocamel.tags;
