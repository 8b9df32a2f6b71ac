/**
 * Deliberately bad class sets, one sub-package per broken rule, each laid out like the real project
 * ({@code <case>.webserver.domain}, {@code <case>.webserver.adapters.*}, {@code <case>.conformance}).
 * ArchitectureRulesCanFailTest runs the real rules over them and expects each violation. They live in
 * test sources only, so the checks of the production classes never see them.
 */
package dev.comp2322.webserver.archfixtures;
