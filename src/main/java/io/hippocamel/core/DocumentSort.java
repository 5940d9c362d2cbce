package io.hippocamel.core;

/** Sort key and direction of a document listing. */
public record DocumentSort(Field field, boolean descending) {

    public enum Field { CREATED_AT, UPDATED_AT }

    public static final DocumentSort NEWEST_FIRST = new DocumentSort(Field.CREATED_AT, true);
}
