/// The built-in sample: the seed report (驻马店市水利局 2020 年度，2019 版), every cell typed in from the
/// published text. `nianbao` with no arguments opens a temporary copy of it.
///
/// Kept byte-identical to `Tests/NianbaoCoreTests/Fixtures/seed-zhumadian-2020.json` by a test.
extension SampleReports {
    /// The sample's canonical JSON file.
    public static let seedJSON: String = #"""
{
  "agency": "驻马店市水利局",
  "form": "2019",
  "format": "nianbao-report",
  "schema_version": 1,
  "scope": "agency",
  "sections": {
    "s1": "(一)主动公开情况\n做好市政府网站政务信息内容保障工作,全年共被市政府门户网站采用政务信息559条。加强重点领域信息公开,在市政府门户网站公开批准服务类信息2条;批准结果类信息12条;招标投标信息5条;重大设计变更信息2条;施工有关信息13条;质量安全监督信息4条;竣工有关信息7条。在市水利局门户网站主动公开水利要闻、最新动态、水旱灾害防御、农村水利、水资源管理、规划建设、工程质量监督、水利科技、人事教育、政策解读、财务管理等各类信息900余条。\n(二)依申请公开办理情况\n全年共办理依申请公开信息2件,全部严格按照依申请公开办理要求及时办理答复。\n(三)政府信息资源的规范化、标准化管理情况\n加强组织领导,成立了主要负责同志为组长,分管负责同志为副组长,二级单位和各科室负责人为成员的政务公开领导小组,协调开展政务公开工作,形成了主要负责同志牵头抓,分管领导具体抓,单位负责人亲自抓的工作机制。制定了《驻马店市水利局政府信息公开制度》《驻马店市水利局政府信息公开指南》等一系列规章制度,切实做到组织到位、措施到位、落实到位。规范公开流程,各职能科室围绕群众需求和关切导向,全方位梳理公开事项,按照“公开为原则,不公开为例外”的基本要求,定期进行发布,确保不漏项缺项。加强组织协调,建立办公室与各业务部门的沟通协作机制,采取有效措施,加强信息报送,形成办公室牵头、业务部门配合的整体合力,增强整体效应。\n(四)政府信息公开平台建设情况\n一是全面做好市水利局网站建设。驻马店市水利网是市水利局于2009年完成注册域名的门户网站,本网站域名已于2020年4月完成驻马店市政府网信办要求注册的二级域名注册备案工作,驻马店市水利网需注册的各种网站标识均符合有关规定。市水利局网站的日常内容更新管理由水利局办公室负责审核发布,为有效提升门户网站内容保障能力,制定了《关于明确市水利局门户网站栏目内容更新责任的通知》,网站内容更新及时,日常运行情况良好。二是新媒体平台建设。市水利局机关各科室、局属各二级单位共开设微信公众号1个,微信公众号为:驻马店市防洪博物馆,该账号由防洪博物馆自行运营,负责建设、信息更新和内容监管工作,平台内容发布严格执行“先审后发”制度,坚持信息更新全面真实、及时便民的原则,准确更新相关信息,对全市水文化教育的开展起到了良好的宣传作用。三是加快办事大厅线上线下融合发展。通过河南政务服务网、河南省投资项目在线审批监管平台网上申报系统、驻马店市工程建设项目网上申报系统等,主动公开政务服务事项的基本信息、设定依据、办理材料、办理流程、办理结果、收费信息、常见问题等。四是充分发挥政务公开的信息化监管作用。坚持“水利工程补短板,水利行业强监管”治水总基调,不断强化水利行业监管,提升水利服务水平,主动通过国家“互联网+监管”平台、国家企业信用信息公示系统(部门协同监管平台-河南)、驻马店信用信息共享平台公开相关数据,实现监管事项全覆盖、监管过程全记录、监管数据可共享,为“双随机、一公开”监管、信用监管、联合监管等提供支撑,实现监管业务协同联动。\n(五)政府信息公开监督保障及教育培训情况\n遵循“全面、及时、准确、规范”的保密审查原则,严格贯彻执行《驻马店市水利局政府信息公开保密审查制度》,处理好政务公开与保守秘密的关系,确保无泄密事件发生。认真开展网站和政务新媒体运行维护监管,2020年以来,市直水利系统没有因网站和新媒体不合格被通报。全面加强人才队伍建设,局属各单位和机关各科室都明确了专(兼)职政务信息工作人员,落实责任、量化任务,积极动员各方面力量参与政务信息报送工作,组织了市直水利系统政府信息公开工作专题培训,参训人员30余人。",
    "s5": "1.少数科室和单位对政务公开工作的重要性认识不够,主动公开的意识还需要进一步提高。下步改进情况:扎实推进政务公开工作,将贯彻落实新修订的《中华人民共和国政府信息公开条例》作为政务公开常态工作,进一步采取措施,将政务公开工作和日常业务工作紧密结合,全力推进政务公开工作力度。\n2.政策解读质量不高、形式不够丰富,政务公开工作水平有待提高。下步改进情况:采取多种形式,增强政策解读的吸引力、亲和力,不断增强政策解读的科学性、权威性,真正做到“应解读、尽解读”。切实加强重点领域信息公开深度和广度,切实提升公开质量和实效,更好地服务经济社会发展和民生改善。\n3.政务公开工作队伍有待加强。下步改进情况:进一步加强对政务信息公开工作的培训学习,提高广大干部职工对信息公开工作重要性的认识,提高信息公开工作人员的主动性和积极性,积极推进政务公开工作。",
    "s6": "无"
  },
  "tables": {
    "t2": {
      "coe": {
        "change": 0,
        "decisions": 0,
        "prev_items": 17
      },
      "fee": {
        "change": 0,
        "prev_items": 1
      },
      "lic": {
        "change": 0,
        "decisions": 54,
        "prev_items": 14
      },
      "norm": {
        "made": 0,
        "published": 0,
        "total_published": 0
      },
      "proc": {
        "proc_amount": "3194.752",
        "proc_items": 33
      },
      "pun": {
        "change": 0,
        "decisions": 4,
        "prev_items": 79
      },
      "reg": {
        "made": 0,
        "published": 0,
        "total_published": 0
      },
      "svc": {
        "change": 0,
        "decisions": 712,
        "prev_items": 40
      }
    },
    "t3": {
      "r1": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 2,
        "total": 2
      },
      "r2": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 0,
        "total": 0
      },
      "r3_1": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 2,
        "total": 2
      },
      "r3_2": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 0,
        "total": 0
      },
      "r3_3_1": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 0,
        "total": 0
      },
      "r3_3_2": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 0,
        "total": 0
      },
      "r3_3_3": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 0,
        "total": 0
      },
      "r3_3_4": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 0,
        "total": 0
      },
      "r3_3_5": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 0,
        "total": 0
      },
      "r3_3_6": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 0,
        "total": 0
      },
      "r3_3_7": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 0,
        "total": 0
      },
      "r3_3_8": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 0,
        "total": 0
      },
      "r3_4_1": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 0,
        "total": 0
      },
      "r3_4_2": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 0,
        "total": 0
      },
      "r3_4_3": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 0,
        "total": 0
      },
      "r3_5_1": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 0,
        "total": 0
      },
      "r3_5_2": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 0,
        "total": 0
      },
      "r3_5_3": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 0,
        "total": 0
      },
      "r3_5_4": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 0,
        "total": 0
      },
      "r3_5_5": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 0,
        "total": 0
      },
      "r3_6": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 0,
        "total": 0
      },
      "r3_7": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 2,
        "total": 2
      },
      "r4": {
        "lp_com": 0,
        "lp_law": 0,
        "lp_ngo": 0,
        "lp_oth": 0,
        "lp_res": 0,
        "np": 0,
        "total": 0
      }
    },
    "t4": {
      "ld": {
        "fix": 0,
        "keep": 0,
        "other": 0,
        "pend": 0,
        "total": 0
      },
      "lr": {
        "fix": 1,
        "keep": 0,
        "other": 0,
        "pend": 0,
        "total": 1
      },
      "rv": {
        "fix": 0,
        "keep": 0,
        "other": 0,
        "pend": 0,
        "total": 0
      }
    }
  },
  "year": 2020
}
"""# + "\n"

    /// The sample report.
    public static var seed: Report {
        // The constant above is the canonical form of a valid report; a failure here is a build defect.
        // swiftlint:disable:next force_try
        try! ReportFile.decode(Array(seedJSON.utf8), path: "seed")
    }
}
