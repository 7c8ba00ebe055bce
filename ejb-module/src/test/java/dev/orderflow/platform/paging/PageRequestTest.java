package dev.orderflow.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageRequestTest {

    @Test
    void defaultsToTheFirstPageOfTwenty() {
        var request = PageRequest.parse(null, " ");
        assertEquals(new PageRequest(1, 20), request);
        assertEquals(0, request.offset());
    }

    @Test
    void computesTheOffsetOfLaterPages() {
        assertEquals(40, PageRequest.parse("3", "20").offset());
    }

    @ParameterizedTest
    @CsvSource({ "0,20,page", "-1,20,page", "10001,20,page", "abc,20,page", "1,0,size", "1,101,size", "1,1e3,size",
            "1,99999999999,size", "'1; drop table products',20,page" })
    void rejectsPagesItCannotServeNamingTheParameter(String page, String size, String parameter) {
        var e = assertThrows(InvalidPageRequest.class, () -> PageRequest.parse(page, size));
        assertEquals(parameter, e.parameter());
    }

    @Test
    void countsPagesRoundingUp() {
        assertEquals(3, new Page<>(List.of("a"), 3, 20, 41).totalPages());
        assertEquals(0, new Page<>(List.of(), 1, 20, 0).totalPages());
    }
}
