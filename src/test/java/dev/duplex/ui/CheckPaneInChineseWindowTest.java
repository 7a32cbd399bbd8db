package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.duplex.check.CaseResult;
import dev.duplex.i18n.CaseTitleText;
import dev.duplex.model.Workbench;
import dev.duplex.model.check.CheckModel;
import dev.duplex.peers.NodeWsServer;
import dev.duplex.settings.Settings;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/** The Check pane in Chinese against Node's {@code ws}: the cases' titles in the table, and in the saved page, read in Chinese. */
@ExtendWith(ApplicationExtension.class)
class CheckPaneInChineseWindowTest {
    @TempDir Path dir;
    private Workbench model;
    private NodeWsServer server;

    @Start
    void start(Stage stage) throws Exception {
        model = TestWindow.open(stage, new Settings("ws://127.0.0.1:1/", 0, "127.0.0.1", "", "{message}", true, "",
                Settings.defaults().logCap(), "zh", 1200, 800));
    }

    @AfterEach
    void shutDown() throws Exception {
        model.shutdown().get(10, TimeUnit.SECONDS);
        if (server != null) server.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTableShowsEveryCaseTitleInChinese(FxRobot robot) throws Exception {
        server = NodeWsServer.start();
        robot.interact(() -> robot.lookup("#sideTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        until(() -> robot.lookup("#checkStartButton").tryQuery().isPresent());
        CheckModel check = onFx(model::check);
        robot.interact(() -> {
            robot.lookup("#checkUrlField").queryTextInputControl().setText(server.uri("/").toString());
            robot.lookup("#checkGroupsField").queryTextInputControl().setText("2,7");
        });
        robot.clickOn("#checkStartButton");
        until(() -> check.stateProperty().get() == CheckModel.State.DONE);

        TableView<CaseResult> table = robot.lookup("#checkTable").queryAs(TableView.class);
        TableColumn<CaseResult, String> titles = (TableColumn<CaseResult, String>) onFx(() -> table.getColumns().get(2));
        List<String> shown = onFx(() -> table.getItems().stream().map(titles::getCellData).toList());
        List<String> english = onFx(() -> table.getItems().stream().map(CaseResult::title).toList());
        assertTrue(shown.size() > 30, "cases: " + shown.size());
        CaseTitleText zh = CaseTitleText.of(java.util.Locale.SIMPLIFIED_CHINESE);
        for (int i = 0; i < shown.size(); i++) {
            assertEquals(zh.translated(english.get(i)).orElseThrow(), shown.get(i), "the Chinese, not the fallback");
        }
        assertTrue(shown.contains("10 个 ping 得到 10 个带各自载荷的 pong"), String.valueOf(shown));
        // The cell on screen, not only the column's data: the first row's title is drawn in Chinese.
        until(() -> robot.lookup(".table-cell").queryAll().stream().anyMatch(n -> n instanceof javafx.scene.control.Labeled l
                && "无载荷的 ping 得到它的 pong".equals(l.getText())));

        Path page = dir.resolve("check.html");
        robot.interact(() -> check.save(page, key -> key, zh));
        until(() -> Files.exists(page) && Files.readString(page).contains("带无效关闭码 1005 的关闭帧使连接失败"));
    }
}
