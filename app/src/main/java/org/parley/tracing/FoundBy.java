package org.parley.tracing;

/** How a candidate was found: by the search when the request was recorded, or later by the standing search. */
enum FoundBy {
    SEARCH, STANDING_SEARCH
}
