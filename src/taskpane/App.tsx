// The task pane shell: Fluent provider, tab navigation between the screens, the model found in the
// workbook (re-read after every change) and the overwrite confirmation dialog.
import { useCallback, useEffect, useMemo, useRef, useState, type ComponentType } from "react";
import { FluentProvider, makeStyles, Tab, TabList, webLightTheme } from "@fluentui/react-components";
import { PaneContext, type Pane, type ScreenId } from "./PaneContext";
import type { WorkbookPort } from "./ports/WorkbookPort";
import { discoverModel, type ModelInfo } from "./workbook/discover";
import { useConfirmOverwrite } from "./components/ConfirmOverwrite";
import { errorText } from "./components/useTask";
import { Home } from "./screens/Home/Home";
import { NewModel } from "./screens/NewModel/NewModel";
import { Import } from "./screens/Import/Import";
import { Options } from "./screens/Options/Options";
import { Rates } from "./screens/Rates/Rates";
import { Compare } from "./screens/Compare/Compare";
import { Fit } from "./screens/Fit/Fit";
import { Projection } from "./screens/Projection/Projection";
import { Plan } from "./screens/Plan/Plan";
import { Demand } from "./screens/Demand/Demand";
import { Explain } from "./screens/Explain/Explain";
import { Publish } from "./screens/Publish/Publish";
import { Paper } from "./screens/Paper/Paper";

export const SCREENS: { id: ScreenId; label: string }[] = [
  { id: "home", label: "Home" },
  { id: "new", label: "New model" },
  { id: "import", label: "Import" },
  { id: "options", label: "Options" },
  { id: "rates", label: "Rates" },
  { id: "compare", label: "Compare" },
  { id: "fit", label: "Fit to budget" },
  { id: "demand", label: "Demand" },
  { id: "projection", label: "Projection" },
  { id: "plan", label: "Plan" },
  { id: "explain", label: "Explain" },
  { id: "publish", label: "Publish" },
  { id: "paper", label: "Forum paper" },
];

const SCREEN_COMPONENTS: Record<ScreenId, ComponentType> = {
  home: Home,
  new: NewModel,
  import: Import,
  options: Options,
  rates: Rates,
  compare: Compare,
  fit: Fit,
  demand: Demand,
  projection: Projection,
  plan: Plan,
  explain: Explain,
  publish: Publish,
  paper: Paper,
};

const useStyles = makeStyles({
  // a 350 px pane: a control never grows past it (a native select is as wide as its longest option, e.g. a long
  // option name, unless told otherwise), and text wraps at word boundaries, breaking a word only when it must
  main: {
    padding: "8px 12px",
    overflowWrap: "break-word",
    "& .fui-Field": { minWidth: 0 },
    "& .fui-Select, & .fui-Input": { maxWidth: "100%", minWidth: 0 },
    "& select": { maxWidth: "100%", minWidth: 0, textOverflow: "ellipsis" },
  },
});

export function App({ port, initialScreen = "home" }: { port: WorkbookPort; initialScreen?: ScreenId }) {
  const styles = useStyles();
  const [screen, setScreen] = useState<ScreenId>(initialScreen);
  const [model, setModel] = useState<ModelInfo | null>(null);
  const [modelError, setModelError] = useState<string | null>(null);
  const modelRef = useRef<ModelInfo | null>(null);
  modelRef.current = model;
  const modelNow = useCallback(() => modelRef.current, []);
  const { confirm, dialog } = useConfirmOverwrite(port, modelNow);
  const choices = useRef(new Map<string, unknown>()).current;

  const refresh = useCallback(async () => {
    try {
      const m = await discoverModel(port);
      setModel(m);
      setModelError(null);
      return m;
    } catch (e) {
      setModelError(errorText(e));
      return null;
    }
  }, [port]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const pane = useMemo<Pane>(
    () => ({ port, model, modelError, refresh, confirm, navigate: setScreen, choices }),
    [port, model, modelError, refresh, confirm, choices],
  );
  const Screen = SCREEN_COMPONENTS[screen];
  return (
    <FluentProvider theme={webLightTheme}>
      <PaneContext.Provider value={pane}>
        <nav aria-label="Screens">
          <TabList
            size="small"
            selectedValue={screen}
            onTabSelect={(_, d) => setScreen(d.value as ScreenId)}
            style={{ flexWrap: "wrap" }}
          >
            {SCREENS.map((s) => (
              <Tab key={s.id} value={s.id}>
                {s.label}
              </Tab>
            ))}
          </TabList>
        </nav>
        <main className={styles.main} aria-label={SCREENS.find((s) => s.id === screen)?.label}>
          <Screen />
        </main>
        {dialog}
      </PaneContext.Provider>
    </FluentProvider>
  );
}
