package dev.duplex.ui.burst;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.duplex.i18n.Texts;
import dev.duplex.model.client.Burst;
import dev.duplex.model.client.ClientState;
import dev.duplex.ui.ViewSubscriptions;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * A client tab's burst and periodic sending: a template where {n} counts up, how many and how often; how
 * many went and came back, the round-trip percentiles, and a live chart of the latest round trips.
 */
public final class BurstController {
    private final Burst burst;
    private final ReadOnlyObjectProperty<ClientState> tabState;
    private final Texts texts;
    private final ViewSubscriptions subscriptions;

    @FXML private Label burstTemplateLabel;
    @FXML private TextField burstTemplateField;
    @FXML private TextField burstCountField;
    @FXML private TextField burstEveryField;
    @FXML private Button burstStartButton;
    @FXML private Button burstStopButton;
    @FXML private Label burstStatsLabel;
    @FXML private LineChart<Number, Number> rttChart;

    /** @param tabState the state of the connection the burst goes through */
    public BurstController(Burst burst, ReadOnlyObjectProperty<ClientState> tabState, Texts texts,
            ViewSubscriptions subscriptions) {
        this.burst = burst;
        this.tabState = tabState;
        this.texts = texts;
        this.subscriptions = subscriptions;
    }

    @FXML
    private void initialize() {
        // Set here, not in FXML: FXML's %key takes the text raw, and this one holds MessageFormat braces.
        burstTemplateLabel.setText(texts.get("burst.template"));
        burstTemplateField.textProperty().bindBidirectional(burst.templateProperty());
        burstCountField.textProperty().bindBidirectional(burst.countProperty());
        burstEveryField.textProperty().bindBidirectional(burst.everyProperty());
        var open = tabState.isEqualTo(ClientState.OPEN);
        burstStartButton.disableProperty().bind(open.not().or(burst.runningProperty()));
        burstStopButton.disableProperty().bind(burst.runningProperty().not());
        burstStatsLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            Burst.Stats b = burst.statsProperty().get();
            if (b == null) return texts.get("burst.idle");
            return texts.get("burst.stats", Integer.toString(b.sent()), Integer.toString(b.count()),
                    Integer.toString(b.answered()), String.format(Locale.ROOT, "%.0f", b.perSecond()),
                    ms(b.p50()), ms(b.p90()), ms(b.p99()), ms(b.max()));
        }, burst.statsProperty()));
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        rttChart.getData().add(series);
        // Rebuilt once per batch of replies (the model changes the list once per batch), at most 300 points.
        subscriptions.onListChange(burst.recentRoundTrips(), (ListChangeListener<Double>) change -> {
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(burst.recentRoundTrips().size());
            int i = 0;
            for (Double ms : burst.recentRoundTrips()) points.add(new XYChart.Data<>(i++, ms));
            series.getData().setAll(points);
        });
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    @FXML
    private void startBurst() {
        burst.start();
    }

    @FXML
    private void stopBurst() {
        burst.stop();
    }
}
