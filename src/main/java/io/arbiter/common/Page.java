package io.arbiter.common;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.function.Function;

/** The paged list shape of the API contract: {@code {"items","page","size","total"}}. */
@Serdeable
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static <E, T> Page<T> of(io.micronaut.data.model.Page<E> page, Function<E, T> mapper) {
        return new Page<>(page.getContent().stream().map(mapper).toList(),
                page.getPageNumber(), page.getSize(), page.getTotalSize());
    }

    /** Validated paging request; sizes are clamped so one call cannot pull the whole database. */
    public static io.micronaut.data.model.Pageable request(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ApiException.badRequest("page must be 0 or greater");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ApiException.badRequest("size must be between 1 and " + MAX_SIZE);
        }
        return io.micronaut.data.model.Pageable.from(p, s);
    }
}
