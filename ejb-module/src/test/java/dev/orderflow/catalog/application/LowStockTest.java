package dev.orderflow.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LowStockTest {

    @ParameterizedTest(name = "{0} left after taking {1}, threshold {2}: {3}")
    @CsvSource({ "9,1,10,true", "9,2,10,true", "0,10,10,true", "10,1,10,false", "8,1,10,false", "0,5,10,false",
            "3,20,10,true" })
    void raisedOnlyWhenATakeCrossesTheThreshold(long left, int taken, int threshold, boolean raised) {
        assertEquals(raised, InventoryEventHandler.crossedBelow(left, taken, threshold));
    }
}
