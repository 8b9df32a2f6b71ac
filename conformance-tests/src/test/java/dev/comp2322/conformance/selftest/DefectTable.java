package dev.comp2322.conformance.selftest;

import static dev.comp2322.conformance.ConformanceProfile.COURSE;
import static dev.comp2322.conformance.ConformanceProfile.RFC;

import dev.comp2322.conformance.ConformanceProfile;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which cases each defect breaches (FAIL, WARN or INFO: anything but PASS or SKIPPED), and in which profile.
 * The set is exact (issue 9 §3): a case that is not listed must pass (or be skipped for a missing precondition)
 * against the defect, so every fault is reported by the cases that own it and by no other.
 */
final class DefectTable {
    record Row(Set<Defect> defects, ConformanceProfile profile, List<String> breached) {
        @Override
        public String toString() {
            return defects.stream().map(Enum::name).sorted().collect(Collectors.joining(" + ")) + " (" + profile.label() + ")";
        }
    }

    private DefectTable() {
    }

    static List<Row> rows() {
        return List.of(
                row(Defect.BODY_ON_HEAD, COURSE, "head-html", "head-text", "head-png", "head-jpeg", "head-gif",
                        "head-large", "head-404", "head-no-body"),
                row(Defect.HEAD_FIELDS_DIFFER, RFC, "head-same-fields"),
                row(Defect.IGNORES_IMS, COURSE, "ims-equal-is-304"),
                row(Defect.IMS_NAIVE, COURSE, "ims-earlier-is-200", "ims-invalid-ignored", "ims-ignored-with-inm",
                        "ims-on-missing-is-404"),
                row(Defect.IMS_FIXDATE_ONLY, COURSE, "ims-rfc850-date", "ims-asctime-date"),
                row(Defect.NOT_MODIFIED_WITH_BODY, COURSE, "not-modified-no-body"),
                row(Defect.NOT_MODIFIED_BARE, RFC, "date-on-304", "not-modified-keeps-etag"),
                row(Defect.NO_DATE, COURSE, "date-present", "date-on-404", "date-on-400", "date-on-304"),
                row(Defect.BAD_DATE_FORMAT, COURSE, "date-format", "last-modified-format"),
                row(Defect.NO_LAST_MODIFIED, COURSE, "last-modified-present"),
                row(Defect.LAST_MODIFIED_IN_FUTURE, COURSE, "last-modified-is-mtime", "last-modified-not-after-date"),
                row(Defect.NO_ETAG, RFC, "etag-present"),
                row(Defect.ETAG_UNQUOTED, RFC, "etag-syntax"),
                row(Defect.IGNORES_INM, RFC, "inm-match-is-304"),
                row(Defect.INM_STRONG_ONLY, RFC, "inm-weak-compare", "inm-list", "inm-star"),
                row(Defect.INM_NAIVE, RFC, "inm-no-match-is-200", "inm-star-on-missing-is-404"),
                row(Defect.NO_CONTENT_LENGTH, COURSE, "content-length-present", "content-length-on-404", "keepalive-http11-default"),
                row(Defect.CLOSES_EVERY_CONNECTION, COURSE, "keepalive-http11-default"),
                row(Defect.CLOSES_AFTER_ERRORS, COURSE, "keepalive-after-404"),
                row(Defect.IGNORES_CONNECTION_CLOSE, COURSE, "close-when-asked", "close-announced",
                        "http10-closes-by-default", "http10-keepalive"),
                row(Defect.HTTP10_RESPONSES, RFC, "response-version-11"),
                row(Defect.BAD_STATUS_LINE, COURSE, "status-line-format"),
                row(Defect.PIPELINING_OUT_OF_ORDER, COURSE, "pipelining-order"),
                row(Defect.GET_BODY_AS_NEXT_REQUEST, RFC, "get-body-content-length", "get-body-chunked"),
                row(Defect.SERVES_TRAVERSAL, RFC, "traversal-dotdot", "traversal-dotdot-nested", "traversal-encoded-dots",
                        "traversal-encoded-slash", "traversal-backslash", "traversal-double-encoded",
                        "traversal-absolute-form", "traversal-nul", "traversal-symlink"),
                row(Defect.COURSE_FORBIDDEN_STATUSES, COURSE, "method-unknown", "method-post", "method-lowercase",
                        "dir-without-index", "dir-no-slash", "version-major-2", "target-too-long", "limit-huge-header-section", "te-unknown"),
                row(Defect.ONE_AT_A_TIME, COURSE, "concurrency-idle-client", "concurrency-trickle"),
                row(Defect.DROPS_EXTRA_CONNECTIONS, COURSE, "concurrency-parallel"),
                row(Defect.LENIENT, RFC, "host-missing", "host-duplicate", "host-invalid", "version-major-2",
                        "version-lowercase", "version-two-digit-minor", "version-missing", "method-bad-token",
                        "method-lowercase", "line-whitespace-before-field", "target-no-leading-slash", "target-asterisk",
                        "target-fragment", "target-bad-percent", "field-space-before-colon", "field-no-colon",
                        "field-name-invalid", "cl-not-a-number", "cl-negative", "cl-plus-sign", "cl-list-disagrees",
                        "cl-duplicate-disagrees", "te-chunked-not-last", "te-unknown", "limit-huge-header-section", "cl-and-te",
                        "request-line-extra-token"),
                row(Defect.STRICT_LEADING_CRLF, COURSE, "line-leading-crlf"),
                row(Defect.DROPS_ODD_LINES, COURSE, "field-obs-fold", "field-no-colon", "line-whitespace-before-field"),
                row(Defect.SMALL_LIMITS, COURSE, "target-long-8000"),
                row(Defect.STALLS_ON_LIMIT, COURSE, "target-too-long", "limit-huge-header-section"),
                row(Defect.MANGLES_CONTENT, COURSE, "get-png", "get-jpeg", "get-gif", "get-large"),
                row(Defect.WRONG_CONTENT_TYPE, RFC, "get-html", "get-text", "get-png", "get-jpeg", "get-gif", "get-empty",
                        "get-subdir-file", "get-space-name", "get-utf8-name"),
                row(Defect.NO_DIRECTORY_INDEX, COURSE, "get-subdir-index"),
                row(Defect.RAW_PATHS, COURSE, "get-space-name", "get-utf8-name", "target-percent-encoded",
                        "target-dot-segments", "target-query", "target-absolute-form", "target-bad-percent"),
                row(Defect.MISSING_IS_500, RFC, "missing-is-404"),
                row(Defect.BARE_404, COURSE, "missing-has-explanation"),
                row(Defect.ONLY_HTTP11, RFC, "version-http10", "version-http12"),
                row(Set.of(Defect.IGNORES_IMS, Defect.BAD_DATE_FORMAT), COURSE, "date-format", "last-modified-format",
                        "ims-equal-is-304"),
                row(Defect.IMS_SUBSECOND, COURSE, "ims-equal-fractional-mtime"),
                row(Defect.IMS_EXACT, RFC, "ims-later-is-304"),
                row(Defect.HEAD_WRONG_LENGTH, COURSE, "head-html", "head-text", "head-png", "head-jpeg", "head-gif",
                        "head-large", "head-404"),
                row(Defect.NOT_MODIFIED_LENGTH_ZERO, COURSE, "not-modified-content-length"),
                row(Defect.CASE_SENSITIVE_FIELDS, COURSE, "field-name-lowercase-host", "ims-lowercase-field-name"),
                row(Defect.EXTRA_TOKENS_IGNORED, RFC, "request-line-extra-token"),
                row(Defect.ABSOLUTE_PATHS, COURSE, "traversal-absolute-path"),
                row(Defect.SILENT_ON_ERRORS, COURSE, "cl-duplicate-disagrees", "cl-list-disagrees", "cl-negative", "cl-not-a-number", "cl-plus-sign",
                        "field-name-invalid", "field-no-colon", "field-obs-fold", "field-space-before-colon", "host-duplicate",
                        "host-invalid", "host-missing", "line-whitespace-before-field", "method-bad-token",
                        "request-line-extra-token", "target-fragment", "te-chunked-not-last", "te-unknown", "version-lowercase",
                        "version-major-2", "version-missing", "version-two-digit-minor"),
                row(Defect.SILENT_ON_ERRORS, RFC, "cl-duplicate-disagrees", "cl-list-disagrees", "cl-negative", "cl-not-a-number", "cl-plus-sign",
                        "field-name-invalid", "field-no-colon", "field-obs-fold", "field-space-before-colon", "host-duplicate",
                        "host-invalid", "host-missing", "line-whitespace-before-field", "method-bad-token",
                        "request-line-extra-token", "target-fragment", "te-chunked-not-last", "te-unknown", "version-lowercase",
                        "version-major-2", "version-missing", "version-two-digit-minor"),
                row(Defect.CRASHES_ON_NUL, COURSE, "target-encoded-nul"),
                // The course status rule (only 200/304/400/404) blames the case whose own request got the 500.
                row(Defect.NUL_IS_500, COURSE, "target-encoded-nul"),
                row(Defect.ERROR_WITHOUT_LENGTH, COURSE, "error-response-delimited"),
                row(Defect.SLOW_HEAD_HELD, RFC, "slow-head-closed"),
                row(Defect.HTTP10_KEEPALIVE_DROPS_PIPELINED, COURSE, "http10-keepalive-pipelined"),
                row(Defect.DUPLICATE_CONTENT_TYPE, RFC, "response-singleton-fields"),
                row(Defect.EMPTY_IS_404, COURSE, "get-empty", "head-empty"),
                row(Defect.IMS_GET_ONLY, COURSE, "ims-on-head-is-304"));
    }

    private static Row row(Defect defect, ConformanceProfile profile, String... ids) {
        return new Row(EnumSet.of(defect), profile, List.of(ids));
    }

    private static Row row(Set<Defect> defects, ConformanceProfile profile, String... ids) {
        return new Row(EnumSet.copyOf(defects), profile, List.of(ids));
    }
}
