package org.roundtable.server.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Charts")
class ChartsTest {

    @Test
    @DisplayName("bars scale to the largest value or target, and a bar below its target is marked as not met")
    void barsScaleAndMarkTargets() {
        BarChart chart = BarChart.of("Targets", List.of(
                BarChart.Entry.of("Children", 50, 100.0),
                BarChart.Entry.of("Parents", 120, 100.0),
                BarChart.Entry.of("Volunteers", 0, null)));
        int room = BarChart.WIDTH - BarChart.LABEL - BarChart.VALUE_ROOM;
        assertThat(chart.bars().get(1).barWidth()).isEqualTo(room);
        assertThat(chart.bars().get(0).barWidth()).isEqualTo(Math.round(room * 50 / 120.0));
        assertThat(chart.bars().get(0).met()).isFalse();
        assertThat(chart.bars().get(1).met()).isTrue();
        assertThat(chart.bars().get(0).targetX()).isEqualTo(BarChart.LABEL + Math.round(room * 100 / 120.0));
        assertThat(chart.bars().get(2).hasTarget()).isFalse();
        assertThat(chart.bars().get(2).barWidth()).isZero();
        assertThat(chart.bars().get(1).y()).isGreaterThan(chart.bars().get(0).y());
        assertThat(chart.height()).isGreaterThan(chart.bars().get(2).y() + chart.barHeight());
    }

    @Test
    @DisplayName("a line starts its value axis at zero and spreads its points across the width")
    void lineFromZero() {
        LineChart chart = LineChart.of("Reach", List.of(new LineChart.Entry("Jan", 0), new LineChart.Entry("Feb", 10),
                new LineChart.Entry("Mar", 5)));
        assertThat(chart.points().get(0).y()).isEqualTo(chart.axisY());
        assertThat(chart.points().get(1).y()).isEqualTo(chart.top());
        assertThat(chart.points().get(0).x()).isEqualTo(chart.axisLeft());
        assertThat(chart.points().get(2).x()).isEqualTo(chart.axisRight());
        assertThat(chart.polyline()).isEqualTo(chart.points().get(0).x() + "," + chart.points().get(0).y() + " "
                + chart.points().get(1).x() + "," + chart.points().get(1).y() + " "
                + chart.points().get(2).x() + "," + chart.points().get(2).y());
    }
}
