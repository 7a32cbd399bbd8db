package dev.duplex.ui.burst;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.duplex.i18n.Texts;
import dev.duplex.model.ClientSession;
import dev.duplex.model.ConnectionModel.ClientState;
import dev.duplex.ui.ViewSubscriptions;
import javafx.beans.binding.Bindings;
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
    private final ClientSession tab;
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

    public BurstController(ClientSession tab, Texts texts, ViewSubscriptions subscriptions) {
        this.tab = tab;
        this.texts = texts;
        this.subscriptions = subscriptions;
    }

    @FXML
    private void initialize() {
        // Set here, not in FXML: FXML's %key takes the text raw, and this one holds MessageFormat braces.
        burstTemplateLabel.setText(texts.get("burst.template"));
        burstTemplateField.textProperty().bindBidirectional(tab.burstTemplateProperty());
        burstCountField.textProperty().bindBidirectional(tab.burstCountProperty());
        burstEveryField.textProperty().bindBidirectional(tab.burstEveryProperty());
        var open = tab.clientStateProperty().isEqualTo(ClientState.OPEN);
        burstStartButton.disableProperty().bind(open.not().or(tab.burstingProperty()));
        burstStopButton.disableProperty().bind(tab.burstingProperty().not());
        burstStatsLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            ClientSession.BurstStats b = tab.burstStatsProperty().get();
            if (b == null) return texts.get("burst.idle");
            return texts.get("burst.stats", Integer.toString(b.sent()), Integer.toString(b.count()),
                    Integer.toString(b.answered()), String.format(Locale.ROOT, "%.0f", b.perSecond()),
                    ms(b.p50()), ms(b.p90()), ms(b.p99()), ms(b.max()));
        }, tab.burstStatsProperty()));
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        rttChart.getData().add(series);
        // Rebuilt once per batch of replies (the model changes the list once per batch), at most 300 points.
        subscriptions.onListChange(tab.recentRoundTrips(), (ListChangeListener<Double>) change -> {
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(tab.recentRoundTrips().size());
            int i = 0;
            for (Double ms : tab.recentRoundTrips()) points.add(new XYChart.Data<>(i++, ms));
            series.getData().setAll(points);
        });
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    @FXML
    private void startBurst() {
        tab.startBurst();
    }

    @FXML
    private void stopBurst() {
        tab.stopBurst();
    }
}
