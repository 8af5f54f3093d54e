package ratelimit

import "time"

const (
	invalidWindow = 10 * time.Minute // Discord's window for invalid requests
	invalidSlot   = 10 * time.Second

	// The slots cover the current, partial slot and a full window before
	// it, so every invalid response of the last ten minutes is counted.
	invalidSlots = int64(invalidWindow/invalidSlot) + 1
)

// invalidCounter counts invalid responses over a sliding window of ten
// minutes, in ten-second slots: its memory is fixed however many come.
type invalidCounter struct {
	slots [invalidSlots]int
	last  int64 // the number of the newest slot, counted from the Unix epoch
	total int   // the sum of slots
}

func slotOf(t time.Time) int64 { return t.UnixNano() / int64(invalidSlot) }

// advance empties the slots that fell out of the window by now.
func (c *invalidCounter) advance(now time.Time) {
	n := slotOf(now)
	if n <= c.last {
		return
	}
	if n-c.last >= invalidSlots {
		c.slots = [invalidSlots]int{}
		c.total = 0
	} else {
		for s := c.last + 1; s <= n; s++ {
			c.total -= c.slots[s%invalidSlots]
			c.slots[s%invalidSlots] = 0
		}
	}
	c.last = n
}

// add counts one invalid response at now.
func (c *invalidCounter) add(now time.Time) {
	c.advance(now)
	c.slots[c.last%invalidSlots]++
	c.total++
}

// wait returns how long until fewer than limit invalid responses lie in the
// window, or 0 if they already do.
func (c *invalidCounter) wait(now time.Time, limit int) time.Duration {
	c.advance(now)
	total := c.total
	for s := c.last - invalidSlots + 1; total >= limit; s++ {
		total -= c.slots[s%invalidSlots]
		if total < limit {
			// Slot s leaves the window when slot s+invalidSlots begins.
			return time.Unix(0, (s+invalidSlots)*int64(invalidSlot)).Sub(now)
		}
	}
	return 0
}
