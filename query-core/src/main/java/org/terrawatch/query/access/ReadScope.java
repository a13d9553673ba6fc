package org.terrawatch.query.access;

/** Which of a layer's features a rule grants, beyond the whole layer. */
public enum ReadScope {
    /** Features in one of the reader's jurisdictions: a layer's jurisdiction property starts with the county or township code. */
    JURISDICTION,
    /** Features pushed to the reader: a layer's department property is the reader's department or one of its working groups. */
    DEPARTMENT
}
