package importer

import (
	"errors"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/data"
)

// The fuzzers feed arbitrary text to each importer. An import never
// panics; it fails with problems that each name a file (and a row, unless
// the whole file is at fault), or it succeeds with data that validates,
// and every skipped row and every warning is named by file, row and
// column and says what to do.
//
//	go test ./data/importer -fuzz FuzzCSV          (and FuzzMIDRow, FuzzGDELTRow, FuzzArchigosRow, FuzzCOWRow)

// checkImport runs an import of files and checks the invariants.
func checkImport(t *testing.T, kind string, opt Options, files ...[2]string) {
	t.Helper()
	res, err := sheets(kind, opt, files...)
	if err != nil {
		var ps data.Problems
		if !errors.As(err, &ps) {
			// Command-line level errors (a --column naming no header, no
			// relations sheet) carry no position but must say what to do.
			if !strings.Contains(err.Error(), ":") {
				t.Fatalf("error without detail: %v", err)
			}
			return
		}
		for _, p := range ps {
			if p.Pos.File == "" {
				t.Errorf("problem without a file: %v", p)
			}
			if p.Pos.Line == 0 && p.Msg != "the file is empty" && !strings.HasPrefix(p.Msg, "cannot tell what this sheet holds") {
				t.Errorf("problem without a row: %v", p)
			}
		}
		return
	}
	for _, p := range res.Skipped {
		if p.Pos.File == "" || p.Pos.Line < 1 || p.Pos.Col < 1 {
			t.Errorf("skipped row without a place: %v", p)
		}
		if p.Hint == "" {
			t.Errorf("skipped row without a fix: %v", p)
		}
	}
	for _, p := range res.Warnings {
		if p.Pos.File == "" || p.Pos.Line < 1 || p.Pos.Col < 1 || p.Hint == "" {
			t.Errorf("warning without a place or a fix: %v", p)
		}
	}
	mustValidate(t, res.Dataset)
}

func FuzzCSV(f *testing.F) {
	for _, s := range []string{
		"type,from,to,date\nsummit,A,B,2018\n",
		"type;between;start;end;ongoing;weight\nalliance;a;b;2019;;yes;2,5\n",
		"id,type,from,to,date,source\nr1,hostility,North Korea,South Korea,3 Sep 2025,https://example.org\nr1,summit,a,b,2025,s\n",
		"type,from,to,date\nsummit,A \"B\",C,2018\n\"unterminated,\n",
		"\ufefftype,from,to,date\nsummit,Hern\xe1ndez,Moon,13/13/2020\n",
		"\xff\xfet\x00y\x00p\x00e\x00",
		"",
		"dipgraph,id,title\n1,x,y\n",
	} {
		f.Add(s, "id,kind,name,country\nkim,leader,Kim,prk\nprk,country,North Korea,\n")
	}
	f.Fuzz(func(t *testing.T, relations, entities string) {
		checkImport(t, "csv", Options{}, [2]string{"rel.csv", relations})
		checkImport(t, "csv", Options{Strict: true}, [2]string{"rel.csv", relations}, [2]string{"ent.csv", entities})
	})
}

const midHeader = "dispnum,ccode1,ccode2,year,midongoing,midonset,sidea1,sidea2,revstate1,revstate2,revtype11,revtype12,revtype21,revtype22,fatality1,fatality2,fatalpre1,fatalpre2,hiact1,hiact2,hostlev1,hostlev2,orig1,orig2,hiact,hostlev,mindur,maxdur,outcome,settle,fatality,fatalpre,stmon,endmon,recip,numa,numb,ongo2010,version\n"

func FuzzMIDRow(f *testing.F) {
	f.Add("2,2,200,1902,1,1,1,0,1,1,1,1,-9,-9,0,0,0,0,7,0,3,1,1,1,7,3,178,208,6,1,0,0,7,1,0,1,1,0,gml-2.1.1")
	f.Add("4342,365,2,1999,1,1,1,0,1,0,2,0,0,0,0,0,0,0,8,0,3,1,1,1,8,3,12,12,5,4,0,0,4,4,0,1,13,0,gml-2.1.1")
	f.Add("1,2,2,1999,1,1,1,0,1,0,2,0,0,0,0,0,0,0,99,0,-9,1,1,1,8,3,12,12,5,4,0,0,4,4,0,1,13,0,x")
	f.Fuzz(func(t *testing.T, row string) {
		checkImport(t, "mid", Options{}, [2]string{"gml.csv", midHeader + row + "\n" + row + "\n"})
		checkImport(t, "mid", Options{Strict: true, Since: 1900, Until: 2000}, [2]string{"gml.csv", midHeader + row})
	})
}

const gdeltHeader = "GLOBALEVENTID,SQLDATE,MonthYear,Year,FractionDate,Actor1Code,Actor1Name,Actor1CountryCode,Actor1KnownGroupCode,Actor1EthnicCode,Actor1Religion1Code,Actor1Religion2Code,Actor1Type1Code,Actor1Type2Code,Actor1Type3Code,Actor2Code,Actor2Name,Actor2CountryCode,Actor2KnownGroupCode,Actor2EthnicCode,Actor2Religion1Code,Actor2Religion2Code,Actor2Type1Code,Actor2Type2Code,Actor2Type3Code,IsRootEvent,EventCode,CAMEOCodeDescription,EventBaseCode,EventRootCode,QuadClass,GoldsteinScale,NumMentions,NumSources,NumArticles,AvgTone,Actor1Geo_Type,Actor1Geo_FullName,Actor1Geo_CountryCode,Actor1Geo_ADM1Code,Actor1Geo_ADM2Code,Actor1Geo_Lat,Actor1Geo_Long,Actor1Geo_FeatureID,Actor2Geo_Type,Actor2Geo_FullName,Actor2Geo_CountryCode,Actor2Geo_ADM1Code,Actor2Geo_ADM2Code,Actor2Geo_Lat,Actor2Geo_Long,Actor2Geo_FeatureID,ActionGeo_Type,ActionGeo_FullName,ActionGeo_CountryCode,ActionGeo_ADM1Code,ActionGeo_ADM2Code,ActionGeo_Lat,ActionGeo_Long,ActionGeo_FeatureID,DATEADDED,SOURCEURL\n"

func FuzzGDELTRow(f *testing.F) {
	f.Add(`669666380,20170601,201706,2017,2017.4137,MLI,MALI,MLI,,,,,,,,TCD,CHAD,TCD,,,,,,,,1,190," Use conventional military force, not specified below",190,19,4,-10.0,6,1,6,-1.96629213483146,4,"Kidal, Kidal, Mali",ML,ML10,19385,18.4411,1.40778,-1070022,1,Chad,CD,CD,,15.0,19.0,CD,4,"Kidal, Kidal, Mali",ML,ML10,19385,18.4411,1.40778,-1070022,20170701234500,http://thenationonlineng.net/x`)
	f.Add(`669666369,20160701,201607,2016,2016.4959,SAUGOV,SAUDI,SAU,,,,,GOV,,,EGY,CAIRO,EGY,,,,,,,,1,042, Make a visit,042,04,1,1.9,3,1,3,-0.3,4,"Riyadh",SA,SA10,25316,24.6408,46.7728,-3093009,4,"Cairo",EG,EG11,65350,30.05,31.25,-290692,4,"Cairo",EG,EG11,65350,30.05,31.25,-290692,20170701234500,http://www.thearabweekly.com/article/87`)
	f.Fuzz(func(t *testing.T, row string) {
		checkImport(t, "gdelt", Options{}, [2]string{"events.csv", gdeltHeader + row + "\n"})
		checkImport(t, "gdelt", Options{Strict: true, Period: "day"}, [2]string{"events.csv", row + "\n" + row})
	})
}

const archigosHeader = "obsid\tleadid\tccode\tidacr\tleader\tstartdate\tenddate\tentry\texit\texitcode\tprevtimesinoffice\tposttenurefate\tgender\tyrborn\tyrdied\tborndate\tdeathdate\tdbpedia.uri\tnum.entry\tnum.exit\tnum.exitcode\tnum.posttenurefate\tfties\tftcur\n"

func FuzzArchigosRow(f *testing.F) {
	f.Add("USA-1869\t81dcc176-1e42-11e4-b4cd-db5882bf8def\t2\tUSA\tGrant\t1869-03-04\t1869-12-31\tRegular\t(n_year)\t.\t.\t.\tM\t1822\t1885\tNA\t1885-07-23\thttp://dbpedia.org/resource/Ulysses_S._Grant\t0\t.\t.\t.\tNA\tNA")
	f.Add("SWZ-2014\t149e3cce\t225\tSWZ\tDidier Burkhalter\t2014-01-01\t2014-12-31\tRegular\tRegular\t.\t.\t.\tM\t1960\t-777\t1960-04-1970\tNA\tNA\t0\t.\t.\t.\tNA\tNA")
	f.Add("COL-1990\tx\t100\tCOL\tC\xe9sar Gaviria Trujillo\t1990-08-07\t1990-12-31\tRegular\t(n_year)\t.\t.\t.\tM\t1947\t-777\tNA\tNA\thttp://dbpedia.org/resource/C%C3%A9sar_Gaviria\t0\t.\t.\t.\tNA\tNA")
	f.Fuzz(func(t *testing.T, row string) {
		// The row after one of another country under the same leader id,
		// as Archigos 4.1 gives Mackenzie King's id to Buenaventura Báez.
		king := "CAN-1921\t81dcc176-1e42-11e4-b4cd-db5882bf8def\t20\tCAN\tKing\t1921-12-29\t1921-12-31\tRegular\tRegular\t.\t.\t.\tM\t1874\t1950\tNA\tNA\tNA\t0\t.\t.\t.\tNA\tNA\n"
		checkImport(t, "archigos", Options{}, [2]string{"arch.txt", archigosHeader + king + row + "\n"})
		checkImport(t, "archigos", Options{}, [2]string{"arch.txt", archigosHeader + row + "\n"})
		checkImport(t, "archigos", Options{Strict: true, Since: 1900}, [2]string{"arch.txt", archigosHeader + row})
	})
}

func FuzzCOWRow(f *testing.F) {
	f.Add("FRN,220,France,1944,8,25,2016,12,31,2016")
	f.Add("XXX,999,Nowhere,2016,2,30,2016,1,1,2016")
	f.Fuzz(func(t *testing.T, row string) {
		checkImport(t, "cow-states", Options{}, [2]string{"states.csv", "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\n" + row})
	})
}
