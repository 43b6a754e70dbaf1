/** The Read button of a weight table, and what was read (the quadrant and trends views). */
import { Button, Caption1 } from "@fluentui/react-components";
import { ReadWeights } from "./settings";
import { Texts } from "./texts";
import { useViewStyles } from "./viewStyles";

export interface WeightTableReadProps {
  say: Texts;
  onRead: () => void;
  disabled: boolean;
  weights: ReadWeights | undefined;
}

export function WeightTableRead({ say, onRead, disabled, weights }: WeightTableReadProps) {
  const styles = useViewStyles();
  return (
    <>
      <div className={styles.buttons}>
        <Button onClick={onRead} disabled={disabled}>
          {say.pane("readWeightTable")}
        </Button>
      </div>
      {weights && (
        <Caption1>
          {say.pane("weightTableRead", { groups: weights.table.codes.length, address: weights.name })}
        </Caption1>
      )}
    </>
  );
}
