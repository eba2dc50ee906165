package io.arbiter.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The finance chart's geometry: dollar ticks at round steps, labels on lines of their own, long names cut with the full text kept. */
class FinanceChartTest {

    @Test
    void ticksAreRoundDollarsCoveringTheLargestBar() {
        assertEquals(new BigDecimal("2000"), FinanceChart.niceStep(new BigDecimal("5700.00")));
        assertEquals(new BigDecimal("100"), FinanceChart.niceStep(BigDecimal.ZERO));
        FinanceChart c = FinanceChart.of(List.of("Recovered", "Fees"), List.of("#000", "#111"), List.of(
                new FinanceChart.Input("ACME HEALTH PLAN", List.of(new BigDecimal("4236.00"), new BigDecimal("835.00"))),
                new FinanceChart.Input("BLUEBONNET ASSURANCE", List.of(new BigDecimal("600.00"), new BigDecimal("-15.00")))));
        assertEquals(List.of("$0", "$2,000", "$4,000", "$6,000"), c.ticks().stream().map(FinanceChart.Tick::label).toList());
        assertEquals(c.plotRight(), c.ticks().get(c.ticks().size() - 1).x());
        assertEquals(0, c.groups().get(1).bars().get(1).width(), "a negative amount draws no bar");
        assertEquals("\u2212$15.00", c.groups().get(1).bars().get(1).value(), "but reads −$15.00");
    }

    @Test
    void labelsNeverShareALineAndLongNamesKeepTheirFullText() {
        String longName = "THE VERY LONG NAME OF A REGIONAL HEALTH PLAN ADMINISTRATOR OF TEXAS";
        FinanceChart c = FinanceChart.of(List.of("Recovered"), List.of("#000"), List.of(
                new FinanceChart.Input(longName, List.of(BigDecimal.TEN)), new FinanceChart.Input("B", List.of(BigDecimal.ONE))));
        FinanceChart.Group first = c.groups().get(0);
        assertTrue(first.cut() && first.label().endsWith("…") && first.label().length() <= FinanceChart.LABEL_CHARS);
        assertEquals(longName, first.fullLabel());
        int lastBarBottom = first.bars().get(0).y() + c.barHeight();
        assertTrue(c.groups().get(1).labelY() - 12 >= lastBarBottom, "the next label starts below the previous bars");
        assertTrue(c.axisY() < c.height() && c.width() == FinanceChart.WIDTH);
    }
}
