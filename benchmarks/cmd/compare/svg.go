package main

import (
	"fmt"
	"html"
	"io"
)

// writeSVG draws one panel per workload with a horizontal bar per contender:
// its time per event as a ratio to cordage's, so that cordage is the bar of
// length 1 and the floors show how far below it the JSON parsing alone is.
func writeSVG(w io.Writer, r results) {
	const (
		width, labelW, barMax = 1000, 330, 540
		rowH, titleH, gap     = 22, 30, 18
	)
	// One scale for all panels, so that bars compare across workloads.
	top := 1.0
	for _, wl := range r.workloadNames() {
		for _, c := range r.rows(wl) {
			if v, ok := r.ratio(key{c, wl}, "ns/event"); ok {
				top = max(top, v)
			}
		}
	}
	height := gap
	for _, wl := range r.workloadNames() {
		height += titleH + rowH*len(r.rows(wl)) + gap
	}
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="13">`+"\n", width, height)
	fmt.Fprintf(w, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	y := gap
	for _, wl := range r.workloadNames() {
		fmt.Fprintf(w, `<text x="10" y="%d" font-weight="bold">%s — time per event, relative to cordage</text>`+"\n", y+18, html.EscapeString(title(wl)))
		y += titleH
		unit := labelW + float64(barMax)/top
		fmt.Fprintf(w, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#888" stroke-dasharray="3,3"/>`+"\n", unit, y-4, unit, y+rowH*len(r.rows(wl)))
		for _, c := range r.rows(wl) {
			k := key{c, wl}
			fmt.Fprintf(w, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", labelW-8, y+15, html.EscapeString(label(c)))
			ratio, ok := r.ratio(k, "ns/event")
			if !ok {
				y += rowH
				continue
			}
			fill := "#7a9cc6"
			switch {
			case c == baseline || c == "CordageInline":
				fill = "#e07b39"
			case len(c) > 5 && c[:5] == "Floor":
				fill = "#bbbbbb"
			}
			bar := ratio * float64(barMax) / top
			fmt.Fprintf(w, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>`+"\n", labelW, y+3, bar, rowH-6, fill)
			fmt.Fprintf(w, `<text x="%.1f" y="%d">%.2f× (%s)</text>`+"\n", float64(labelW)+bar+6, y+15, ratio, scaled(r, k, "ns/event", durationUnits))
			y += rowH
		}
		y += gap
	}
	fmt.Fprintln(w, "</svg>")
}
