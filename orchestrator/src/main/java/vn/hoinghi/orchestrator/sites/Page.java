package vn.hoinghi.orchestrator.sites;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of results and the total, so a client can draw a pager without a second request. */
@Serdeable
public record Page<T>(List<T> items, int page, int size, long total) {
}
