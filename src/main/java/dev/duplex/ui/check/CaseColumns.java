package dev.duplex.ui.check;

import java.util.function.UnaryOperator;

import dev.duplex.check.CaseResult;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/**
 * The four columns of a table of checked cases, as the Check pane and the server pane's Check a client show
 * them: the number, the verdict, the title (in the window's language where it has one) and what the peer did,
 * with why when it is not a PASS.
 */
public final class CaseColumns {
    private CaseColumns() { }

    public static void fill(TableColumn<CaseResult, String> number, TableColumn<CaseResult, String> verdict,
            TableColumn<CaseResult, String> title, TableColumn<CaseResult, String> observed, UnaryOperator<String> titles) {
        number.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().id()));
        verdict.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().verdict().label()));
        title.setCellValueFactory(c -> new ReadOnlyStringWrapper(titles.apply(c.getValue().title())));
        observed.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().observed()
                + (c.getValue().why().isEmpty() ? "" : " (" + c.getValue().why() + ")")));
    }
}
