package dev.comp2322.conformance.selftest;

/** One deliberate mistake the self-test server can make; each is a bug real student servers have. */
enum Defect {
    BODY_ON_HEAD, HEAD_FIELDS_DIFFER, IGNORES_IMS, IMS_NAIVE, IMS_FIXDATE_ONLY, NOT_MODIFIED_WITH_BODY,
    NOT_MODIFIED_BARE, NO_DATE, BAD_DATE_FORMAT, NO_LAST_MODIFIED, LAST_MODIFIED_IN_FUTURE, NO_ETAG,
    ETAG_UNQUOTED, IGNORES_INM, INM_STRONG_ONLY, INM_NAIVE, NO_CONTENT_LENGTH, CLOSES_EVERY_CONNECTION,
    CLOSES_AFTER_ERRORS, IGNORES_CONNECTION_CLOSE, HTTP10_RESPONSES, BAD_STATUS_LINE, PIPELINING_OUT_OF_ORDER,
    GET_BODY_AS_NEXT_REQUEST, SERVES_TRAVERSAL, COURSE_FORBIDDEN_STATUSES, ONE_AT_A_TIME, DROPS_EXTRA_CONNECTIONS,
    LENIENT, STRICT_LEADING_CRLF, DROPS_ODD_LINES, SMALL_LIMITS, STALLS_ON_LIMIT, MANGLES_CONTENT,
    WRONG_CONTENT_TYPE, NO_DIRECTORY_INDEX, RAW_PATHS, MISSING_IS_500, BARE_404, ONLY_HTTP11,
    // Issue 9 §2: each is caught by its own case only.
    /** Compares If-Modified-Since with the raw (sub-second) mtime, as float-mtime servers do. */
    IMS_SUBSECOND,
    /** 304 only when If-Modified-Since equals the mtime exactly (nginx's if_modified_since exact). */
    IMS_EXACT,
    /** HEAD responses say Content-Length: 0. */
    HEAD_WRONG_LENGTH,
    /** 304 responses say Content-Length: 0. */
    NOT_MODIFIED_LENGTH_ZERO,
    /** Field names are matched case-sensitively ("host:" is not Host). */
    CASE_SENSITIVE_FIELDS,
    /** A request line with a fourth token is served (the extra token ignored). */
    EXTRA_TOKENS_IGNORED,
    /** Joins the root with the decoded path without confinement: "//abs/path" escapes, like os.path.join. */
    ABSOLUTE_PATHS,
    /** Every malformed request is answered by closing the connection without a response. */
    SILENT_ON_ERRORS,
    /** The handler crashes on a NUL in the decoded path: the connection closes with no response. */
    CRASHES_ON_NUL,
    /** A 400 for a bad head has no Content-Length and the connection stays open. */
    ERROR_WITHOUT_LENGTH,
    /** No request-head timeout: a head that stops half-way holds the connection forever. */
    SLOW_HEAD_HELD,
    /** After an HTTP/1.0 keep-alive response, bytes already received (a pipelined request) are thrown away. */
    HTTP10_KEEPALIVE_DROPS_PIPELINED,
    /** A NUL in the decoded path is answered 500 (only target-encoded-nul owns that status; traversal-nul must not). */
    NUL_IS_500,
    /** An empty file is treated as missing (404), as a server that tests "if (!content)" does. */
    EMPTY_IS_404,
    /** Conditional requests are evaluated for GET only; HEAD always gets 200. */
    IMS_GET_ONLY,
    /** 200 responses carry Content-Type twice. */
    DUPLICATE_CONTENT_TYPE
}
